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
  ], { error: message });
}

const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max, e.tooLong).nullish());
const requiredText = (message: string, max: number) => z.string({ error: message }).trim().min(1, message).max(max, e.tooLong);
// An untouched <select> submits "": no agency chosen.
const agencyId = z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: e.agency }).nullish());

/** To whom: an agency from the directory, or a recipient written out (never neither). */
const recipient = z.object({ agencyId, recipient: optionalText(200) });

export const consentInputSchema = recipient.extend({
  scopeItems: z.array(z.enum(consentScopeItem.enumValues, { error: e.scope })).max(10).default([]),
  scopeNote: optionalText(1000),
  agreedAt: jstInstant(e.agreedAt),
  words: requiredText(e.words, 2000),
});
export type ConsentInput = z.input<typeof consentInputSchema>;

export const withdrawalInputSchema = z.object({
  consentId: z.uuid({ error: e.notFound }),
  withdrawnAt: jstInstant(e.agreedAt),
  note: optionalText(1000),
});
export type WithdrawalInput = z.input<typeof withdrawalInputSchema>;

export const sharingExceptionInputSchema = recipient.extend({
  reason: requiredText(e.reason, 2000),
  supervisorName: requiredText(e.supervisorName, 100),
  decidedAt: jstInstant(e.decidedAt),
});
export type SharingExceptionInput = z.input<typeof sharingExceptionInputSchema>;

export type ConsentFieldErrors = Record<string, string>;

const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";

/**
 * Rules between fields, checked on the raw input so they show together with every other missing
 * field (zod skips an object's refinements while a field fails).
 */
function crossFieldErrors(raw: Record<string, unknown>, options: { recipient: boolean; scope: boolean }): ConsentFieldErrors {
  const errors: ConsentFieldErrors = {};
  if (options.recipient && !filled(raw.agencyId) && !filled(raw.recipient)) errors.recipient = e.recipient;
  const scopeItems = Array.isArray(raw.scopeItems) ? raw.scopeItems : [];
  if (options.scope && scopeItems.length === 0 && !filled(raw.scopeNote)) errors.scopeItems = e.scope;
  return errors;
}

/** Parses a consent or an exception: the data, or the first Japanese message per field. */
export function parseSharingInput<S extends z.ZodType>(schema: S, input: unknown, options: { recipient: boolean; scope: boolean }): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: ConsentFieldErrors } {
  const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const parsed = schema.safeParse(input);
  const fieldErrors = crossFieldErrors(raw, options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  if (parsed.success && Object.keys(fieldErrors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors };
}
