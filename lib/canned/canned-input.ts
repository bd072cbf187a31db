import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const e = ja.referenceAdmin.errors;

export const cannedInputSchema = z.object({
  title: z.string().trim().min(1, e.titleRequired).max(60, e.titleTooLong),
  body: z.string().trim().min(1, e.bodyRequired).max(2000, e.bodyTooLong),
  active: z.boolean().default(true),
});
export type CannedInput = z.input<typeof cannedInputSchema>;
