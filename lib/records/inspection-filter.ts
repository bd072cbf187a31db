import { z } from "zod";
import { recordOutcomes } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

/** A calendar month in Japan, "YYYY-MM". */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, ja.records.errors.month);

/** The record outcomes, plus "none": consultations that ended without a record (abandoned, youth ended, inactivity). */
export const outcomeFilterSchema = z.enum([...recordOutcomes, "none"]);
export type OutcomeFilter = z.infer<typeof outcomeFilterSchema>;

export const inspectionFilterSchema = z.object({
  month: monthSchema,
  outcome: outcomeFilterSchema.optional(),
});
export type InspectionFilter = z.infer<typeof inspectionFilterSchema>;

export const PAGE_SIZE = 50;
