import { z } from "zod";
import { choiceEnum, type recordOutcomes, type RecordDefinition } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

const e = ja.console.recordErrors;

/** 新規 (the youth's first consultation) or 継続 (they consulted before). */
export const visitKinds = ["new", "continuing"] as const;
export type VisitKind = (typeof visitKinds)[number];

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const required = (message: string) => z.string({ error: message }).trim().min(1, message).max(4000, e.tooLong);

/**
 * The record form a consultation closes with, built from the record form version in force: the
 * categories (年代, 性別, 分類, 対応結果) are that version's active choices. Field messages are Japanese
 * and shown beside each field. A referral must name the agency; an emergency must say what was done (R10);
 * information passed on needs a consent or an R10 exception on record (checked when the record is written).
 */
export function buildRecordFormSchema(definition: RecordDefinition) {
  return z
    .object({
      ageBand: choiceEnum(definition.ageBand, e.ageBand),
      gender: choiceEnum(definition.gender, e.gender),
      topics: z.array(choiceEnum(definition.topics, e.topicInvalid), { error: e.topicsRequired }).min(1, e.topicsRequired),
      // 相談者の属性 may stay unknown; 新規/継続 left empty is derived from the youth's earlier consultations when written.
      requester: definition.requester ? z.preprocess(emptyToUndefined, choiceEnum(definition.requester, e.requester).optional()) : z.undefined().optional(),
      visit: z.preprocess(emptyToUndefined, z.enum(visitKinds, { error: e.visit }).optional()),
      actions: definition.actions ? z.array(choiceEnum(definition.actions, e.actionInvalid), { error: e.actionInvalid }).default([]) : z.array(z.never()).default([]),
      contentSummary: required(e.contentSummary),
      responseSummary: required(e.responseSummary),
      // The database's record_outcome enum holds every id the definition may offer (recordOutcomes).
      outcome: choiceEnum(definition.outcome, e.outcome).transform((v) => v as RecordOutcome),
      // An untouched <select> submits "": that is "no agency", not a malformed id.
      referralAgencyId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: e.agencyInvalid }).nullish()),
      emergency: z.boolean().default(false),
      emergencyNote: z.string().trim().max(4000).nullish(),
      // Replaces the old 同意 checkbox: whether information was passed on; the consent itself is a record (lib/consents).
      informationShared: z.boolean().default(false),
      outOfScope: z.boolean().default(false),
    })
    .superRefine((form, ctx) => {
      for (const [field, message] of Object.entries(crossFieldErrors(form))) ctx.addIssue({ code: "custom", path: [field], message });
    });
}
type RecordOutcome = (typeof recordOutcomes)[number];
export type RecordForm = z.infer<ReturnType<typeof buildRecordFormSchema>>;

/**
 * Rules between fields. Also run on the raw input when other fields fail, because zod skips an
 * object's refinements then, and the counselor should see every missing field at once.
 */
function crossFieldErrors(form: { outcome?: unknown; referralAgencyId?: unknown; emergency?: unknown; emergencyNote?: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  if (form.outcome === "referral" && !form.referralAgencyId) errors.referralAgencyId = e.agencyRequired;
  const note = typeof form.emergencyNote === "string" ? form.emergencyNote.trim() : "";
  if (form.emergency === true && !note) errors.emergencyNote = e.emergencyNote;
  return errors;
}

/** Validates a submitted record form: the parsed form, or one Japanese message per field. */
export function validateRecordForm(definition: RecordDefinition, input: unknown): { ok: true; form: RecordForm } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = buildRecordFormSchema(definition).safeParse(input);
  if (parsed.success) return { ok: true, form: parsed.data };
  const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  return { ok: false, fieldErrors: { ...crossFieldErrors(raw), ...recordFieldErrors(parsed.error) } };
}

/** A draft is whatever the counselor typed so far: every field optional, nothing validated beyond shape. */
export const recordDraftSchema = z.object({
  ageBand: z.string().max(40).nullish(),
  gender: z.string().max(40).nullish(),
  topics: z.array(z.string().max(40)).max(20).nullish(),
  requester: z.string().max(40).nullish(),
  visit: z.string().max(40).nullish(),
  actions: z.array(z.string().max(40)).max(20).nullish(),
  contentSummary: z.string().max(4000).nullish(),
  responseSummary: z.string().max(4000).nullish(),
  outcome: z.string().max(40).nullish(),
  referralAgencyId: z.string().max(40).nullish(),
  emergency: z.boolean().nullish(),
  emergencyNote: z.string().max(4000).nullish(),
  informationShared: z.boolean().nullish(),
  outOfScope: z.boolean().nullish(),
});
export type RecordDraft = z.infer<typeof recordDraftSchema>;

export type FieldErrors = Partial<Record<keyof RecordForm, string>>;

/** The first message per field, as the form shows them. */
export function recordFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof RecordForm | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
