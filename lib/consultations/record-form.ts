import { z } from "zod";

/** The categories municipal and national reports count (R17); labels live in ja.console.record. */
export const ageBands = ["elementary", "junior_high", "high_school", "young_adult", "out_of_range", "unknown"] as const;
export const genders = ["female", "male", "other", "unknown"] as const;
export const topics = ["abuse", "truancy", "bullying", "developmental", "young_carer", "family", "friends", "school", "health", "sexuality", "other"] as const;
export const outcomes = ["advice", "referral", "emergency", "phone", "continued", "ended_by_youth"] as const;

const required = (message: string) => z.string({ error: message }).trim().min(1, message).max(4000, "4000文字以内にしてください。");

/**
 * The record form a consultation closes with. Field messages are Japanese and shown beside each field.
 * A referral must name the agency; an emergency must say what was done (R10).
 */
export const recordFormSchema = z
  .object({
    ageBand: z.enum(ageBands, { error: "年代を選んでください。" }),
    gender: z.enum(genders, { error: "性別を選んでください。" }),
    topics: z.array(z.enum(topics), { error: "相談内容の分類を1つ以上選んでください。" }).min(1, "相談内容の分類を1つ以上選んでください。"),
    contentSummary: required("相談内容の要約を入力してください。"),
    responseSummary: required("対応内容の要約を入力してください。"),
    outcome: z.enum(outcomes, { error: "対応結果を選んでください。" }),
    // An untouched <select> submits "": that is "no agency", not a malformed id.
    referralAgencyId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "支援機関を選び直してください。" }).nullish()),
    emergency: z.boolean().default(false),
    emergencyNote: z.string().trim().max(4000).nullish(),
    consentToShare: z.boolean().default(false),
    outOfScope: z.boolean().default(false),
  })
  .superRefine((form, ctx) => {
    for (const [field, message] of Object.entries(crossFieldErrors(form))) ctx.addIssue({ code: "custom", path: [field], message });
  });
export type RecordForm = z.infer<typeof recordFormSchema>;

/**
 * Rules between fields. Also run on the raw input when other fields fail, because zod skips an
 * object's refinements then, and the counselor should see every missing field at once.
 */
function crossFieldErrors(form: { outcome?: unknown; referralAgencyId?: unknown; emergency?: unknown; emergencyNote?: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  if (form.outcome === "referral" && !form.referralAgencyId) errors.referralAgencyId = "紹介先の支援機関を選んでください。";
  const note = typeof form.emergencyNote === "string" ? form.emergencyNote.trim() : "";
  if (form.emergency === true && !note) errors.emergencyNote = "緊急対応の内容（連絡先・時刻など）を入力してください。";
  return errors;
}

/** Validates a submitted record form: the parsed form, or one Japanese message per field. */
export function validateRecordForm(input: unknown): { ok: true; form: RecordForm } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = recordFormSchema.safeParse(input);
  if (parsed.success) return { ok: true, form: parsed.data };
  const raw = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  return { ok: false, fieldErrors: { ...crossFieldErrors(raw), ...recordFieldErrors(parsed.error) } };
}

/** A draft is whatever the counselor typed so far: every field optional, nothing validated beyond shape. */
export const recordDraftSchema = z.object({
  ageBand: z.string().max(40).nullish(),
  gender: z.string().max(40).nullish(),
  topics: z.array(z.string().max(40)).max(20).nullish(),
  contentSummary: z.string().max(4000).nullish(),
  responseSummary: z.string().max(4000).nullish(),
  outcome: z.string().max(40).nullish(),
  referralAgencyId: z.string().max(40).nullish(),
  emergency: z.boolean().nullish(),
  emergencyNote: z.string().max(4000).nullish(),
  consentToShare: z.boolean().nullish(),
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
