import { z } from "zod";
import { choiceEnum, type IntakeDefinition } from "@/lib/forms/client";
import { ja } from "@/lib/i18n/ja";

/** 「いちばん話したいこと」: as long as a secure-chat message. */
export const INTAKE_NOTE_MAX = 1000;

const e = ja.intake.errors;

/**
 * What the youth submits, built from the intake version they were shown. The page checks with it
 * as they tap, and the server checks again with the same schema: a missing or unknown choice (a
 * retired one, a forged one) gets the field's Japanese message.
 */
export function buildIntakeFormSchema(definition: IntakeDefinition) {
  return z.object({
    ageBand: choiceEnum(definition.ageBand, e.ageBand),
    gender: choiceEnum(definition.gender, e.gender),
    topics: z.array(choiceEnum(definition.topics, e.topics), { error: e.topics }).min(1, { error: e.topics }).max(definition.topics.choices.length, { error: e.topics }),
    // 相談者の属性 is optional: a radio left untouched submits nothing (react-hook-form: null).
    requester: definition.requester ? z.preprocess((v) => (v === null || v === "" ? undefined : v), choiceEnum(definition.requester, e.requester).optional()) : z.undefined().optional(),
    note: z.string({ error: e.noteTooLong }).trim().max(INTAKE_NOTE_MAX, { error: e.noteTooLong }).default(""),
    consent: z.literal(true, { error: e.consent }),
  });
}
export type IntakeForm = z.infer<ReturnType<typeof buildIntakeFormSchema>>;
export type IntakeFormInput = z.input<ReturnType<typeof buildIntakeFormSchema>>;
export type IntakeFieldErrors = Partial<Record<keyof IntakeForm, string>>;

/** The submitted intake, or one Japanese message per field. */
export function validateIntakeForm(definition: IntakeDefinition, input: unknown): { ok: true; form: IntakeForm } | { ok: false; fieldErrors: IntakeFieldErrors } {
  const parsed = buildIntakeFormSchema(definition).safeParse(input);
  if (parsed.success) return { ok: true, form: { ...parsed.data, topics: [...new Set(parsed.data.topics)] } };
  const fieldErrors: IntakeFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof IntakeForm | undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}
