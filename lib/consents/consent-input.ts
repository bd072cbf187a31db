import { z } from "zod";
import { consentScopeItem } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";

const e = ja.consent.errors;

/** A time from a `datetime-local` field, read in Japan's time zone; domain callers pass a Date. */
export function jstInstant(message: string) {
  return z.union([
    z.date({ error: message }),
    z
      .string({ error: message })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message)
      .transform((local) => new Date(`${local}:00+09:00`)),
  ]);
}

const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max, "長すぎます。短くしてください。").nullish());
const requiredText = (message: string, max: number) => z.string({ error: message }).trim().min(1, message).max(max, "長すぎます。短くしてください。");
// An untouched <select> submits "": no agency chosen.
const agencyId = z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: e.agency }).nullish());

/** To whom: an agency from the directory, or a recipient written out (never neither). */
const recipient = z.object({ agencyId, recipient: optionalText(200) });

export const consentInputSchema = recipient
  .extend({
    scopeItems: z.array(z.enum(consentScopeItem.enumValues, { error: e.scope })).max(10).default([]),
    scopeNote: optionalText(1000),
    agreedAt: jstInstant(e.agreedAt),
    words: requiredText(e.words, 2000),
  })
  .superRefine((input, ctx) => {
    if (!input.agencyId && !input.recipient) ctx.addIssue({ code: "custom", path: ["recipient"], message: e.recipient });
    if (input.scopeItems.length === 0 && !input.scopeNote) ctx.addIssue({ code: "custom", path: ["scopeItems"], message: e.scope });
  });
export type ConsentInput = z.input<typeof consentInputSchema>;

export const withdrawalInputSchema = z.object({
  consentId: z.uuid({ error: e.notFound }),
  withdrawnAt: jstInstant(e.agreedAt),
  note: optionalText(1000),
});
export type WithdrawalInput = z.input<typeof withdrawalInputSchema>;

export const sharingExceptionInputSchema = recipient
  .extend({
    reason: requiredText(e.reason, 2000),
    supervisorName: requiredText(e.supervisorName, 100),
    decidedAt: jstInstant(e.decidedAt),
  })
  .superRefine((input, ctx) => {
    if (!input.agencyId && !input.recipient) ctx.addIssue({ code: "custom", path: ["recipient"], message: e.recipient });
  });
export type SharingExceptionInput = z.input<typeof sharingExceptionInputSchema>;

export type ConsentFieldErrors = Record<string, string>;

/** The first Japanese message per field, as the panel shows them. */
export function consentFieldErrors(error: z.ZodError): ConsentFieldErrors {
  const errors: ConsentFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
