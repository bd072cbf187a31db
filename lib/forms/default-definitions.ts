import { ja } from "@/lib/i18n/ja";
import type { ChoiceField, IntakeDefinition, RecordDefinition } from "./definition";

const d = ja.forms.defaults;

function field<L extends { label: string }>(labels: L, ids: readonly Exclude<keyof L, "label">[]): ChoiceField {
  return { label: labels.label, choices: ids.map((id) => ({ id: String(id), label: String(labels[id]), retired: false })) };
}

/**
 * Version 1 of the intake, as issue 5 lists it. The ids are what reports count; they say what the
 * label means, so a renamed label never changes what a stored answer is.
 */
export const defaultIntakeDefinition: IntakeDefinition = {
  kind: "intake",
  ageBand: field(d.intake.ageBand, ["elementary", "junior_high", "high_school", "young_adult", "out_of_range"]),
  gender: field(d.intake.gender, ["male", "female", "other", "unknown"]),
  topics: field(d.intake.topics, ["family_abuse", "school_truancy", "bullying", "friends", "developmental", "young_carer", "mind_body", "love_sexuality", "career_work", "other"]),
  note: { label: d.intake.note.label, hint: d.intake.note.hint },
  consent: { ...d.intake.consent },
};

/** Version 1 of the record form's categories: R7's topics each countable on their own (児童虐待, 不登校, いじめ, 発達障がい, ヤングケアラー). */
export const defaultRecordDefinition: RecordDefinition = {
  kind: "record",
  ageBand: field(d.record.ageBand, ["elementary", "junior_high", "high_school", "young_adult", "out_of_range", "unknown"]),
  gender: field(d.record.gender, ["female", "male", "other", "unknown"]),
  topics: field(d.record.topics, ["abuse", "truancy", "bullying", "developmental", "young_carer", "family", "friends", "school", "health", "sexuality", "career", "other"]),
  outcome: field(d.record.outcome, ["advice", "referral", "emergency", "phone", "continued", "ended_by_youth"]),
};
