import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

const e = ja.riskAdmin.errors;

/** A number the youth can tap: digits, hyphens and # only, so it makes a valid tel: URI. */
export const safetyContactInputSchema = z.object({
  label: z.string({ error: e.contactLabel }).trim().min(1, { error: e.contactLabel }).max(40, { error: e.contactLabel }),
  number: z
    .string({ error: e.contactNumber })
    .trim()
    .regex(/^[0-9#][0-9-]{1,14}$/, { error: e.contactNumber }),
  note: z.string({ error: e.contactNote }).trim().max(60, { error: e.contactNote }).default(""),
  sortOrder: z.coerce.number().int().min(0).max(10_000),
  active: z.boolean().default(true),
});
export type SafetyContactInput = z.input<typeof safetyContactInputSchema>;

/** What the dial pad gets: the number without hyphens (tel:0120279338, tel:%23...). */
export function telUri(number: string): string {
  return `tel:${encodeURIComponent(number.replace(/-/g, ""))}`;
}
