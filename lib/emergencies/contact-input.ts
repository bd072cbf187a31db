import { z } from "zod";
import { parseJstDateTime } from "./jst-date-time";
import { ja } from "@/lib/i18n/ja";

const jstDateTime = (message: string) =>
  z.string({ error: message }).trim().min(1, message).transform((value, ctx) => {
    const at = parseJstDateTime(value);
    if (!at) ctx.addIssue({ code: "custom", message: ja.emergency.fieldErrors.dateTimeFormat });
    return at ?? z.NEVER;
  });

/** When the city was told, set on an existing entry (recordCityNotification): required there. */
export const cityNotifiedAtSchema = jstDateTime(ja.emergency.fieldErrors.cityNotifiedAtRequired);

/**
 * One contact as the emergency panel submits it: to whom and when are required (Japanese messages by
 * field); the number, the result and when the city was told may follow later.
 */
export const contactInputSchema = z.object({
  kindId: z.uuid({ error: ja.emergency.fieldErrors.kindRequired }),
  contactedAt: jstDateTime(ja.emergency.fieldErrors.contactedAtRequired),
  number: z.string().trim().max(40, ja.emergency.fieldErrors.numberTooLong).default(""),
  result: z.string().trim().max(1000, ja.emergency.fieldErrors.resultTooLong).default(""),
  cityNotifiedAt: z.preprocess((v) => (v === "" ? undefined : v), cityNotifiedAtSchema.optional()),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactFieldErrors = Partial<Record<keyof z.output<typeof contactInputSchema>, string>>;

/** The parsed contact, or the first Japanese message per field. */
export function validateContactInput(input: unknown): { ok: true; contact: z.output<typeof contactInputSchema> } | { ok: false; fieldErrors: ContactFieldErrors } {
  const parsed = contactInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, contact: parsed.data };
  const fieldErrors: ContactFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ContactFieldErrors | undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}
