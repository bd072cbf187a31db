import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const e = ja.referenceAdmin.errors;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || null)
    .nullish();

/** An agency as the admin form submits it; messages shown beside each field. */
export const agencyInputSchema = z.object({
  name: z.string().trim().min(1, e.nameRequired).max(100, e.nameTooLong),
  phone: optionalText(40, e.phoneTooLong),
  hours: optionalText(200, e.hoursTooLong),
  url: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/, error: e.url }).nullable())
    .nullish(),
  topics: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  active: z.boolean().default(true),
  isExample: z.boolean().default(false),
});
export type AgencyInput = z.input<typeof agencyInputSchema>;
