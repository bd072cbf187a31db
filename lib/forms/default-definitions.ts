import { ja } from "@/lib/i18n/ja";
import type { ChoiceField, IntakeDefinition, RecordDefinition, SurveyDefinition } from "./definition";

const d = ja.forms.defaults;

/** 相談者の属性 as the published LINE相談 results count it; the intake and the record share the ids. */
const requesterIds = ["self", "parent", "friend", "teacher", "other"] as const;
/** 対応の内容 as the published results count it (several may apply). */
const actionIds = ["listening", "information", "introduced", "connected", "moved_to_phone", "emergency", "silent_prank"] as const;

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
  requester: field(d.intake.requester, requesterIds),
  note: { label: d.intake.note.label, hint: d.intake.note.hint },
  consent: { ...d.intake.consent },
};

/** The record's topics: issue 5's categories, then 自殺念慮・自傷 and メンタル不調 as the national SNS相談 results count them. */
export const recordTopicIds = ["abuse", "truancy", "bullying", "developmental", "young_carer", "family", "friends", "school", "health", "sexuality", "career", "suicidal", "mental", "other"] as const;

/** Version 1 of the record form's categories: R7's topics each countable on their own (児童虐待, 不登校, いじめ, 発達障がい, ヤングケアラー). */
export const defaultRecordDefinition: RecordDefinition = {
  kind: "record",
  ageBand: field(d.record.ageBand, ["elementary", "junior_high", "high_school", "young_adult", "out_of_range", "unknown"]),
  gender: field(d.record.gender, ["female", "male", "other", "unknown"]),
  topics: field(d.record.topics, [...recordTopicIds]),
  outcome: field(d.record.outcome, ["advice", "referral", "emergency", "phone", "continued", "ended_by_youth"]),
  requester: field(d.record.requester, requesterIds),
  actions: field(d.record.actions, actionIds),
};

/** The survey's first version: satisfaction on five steps, whether they would come again, a free comment. */
export const defaultSurveyDefinition: SurveyDefinition = {
  kind: "survey",
  intro: d.survey.intro,
  satisfaction: field(d.survey.satisfaction, ["very_good", "good", "neutral", "bad", "very_bad"]),
  again: field(d.survey.again, ["yes", "unsure", "no"]),
  comment: { label: d.survey.comment.label, hint: d.survey.comment.hint },
  thanks: d.survey.thanks,
};
