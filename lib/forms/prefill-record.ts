import { activeChoiceIds, type RecordDefinition } from "./definition";
import type { StoredIntake } from "./intake-answers";

/**
 * The intake's broad topics and the record's categories differ on purpose: a youth picks
 * 「家族のこと・虐待」, and only the counselor decides whether it is 児童虐待 (R7 counts it on its
 * own). So an intake topic prefills the broad record category, never the sensitive one; ids that
 * both forms share (いじめ, ヤングケアラー, …) map to themselves. docs/ARCHITECTURE.md has the table.
 */
export const intakeTopicToRecordTopic: Readonly<Record<string, string>> = {
  family_abuse: "family",
  school_truancy: "school",
  mind_body: "health",
  love_sexuality: "sexuality",
  career_work: "career",
};

/** What the record form starts with, from the intake, for the counselor to confirm: only ids the record form offers now. */
export function prefillRecordChoices(answers: StoredIntake | null, record: RecordDefinition): { ageBand?: string; gender?: string; topics?: string[]; requester?: string } {
  if (!answers) return {};
  const offered = (field: keyof Pick<RecordDefinition, "ageBand" | "gender" | "topics" | "requester">) => new Set(record[field] ? activeChoiceIds(record[field]) : []);
  const prefill: { ageBand?: string; gender?: string; topics?: string[]; requester?: string } = {};
  if (answers.ageBand && offered("ageBand").has(answers.ageBand)) prefill.ageBand = answers.ageBand;
  // 相談者の属性: the intake and the record share the ids.
  if (answers.requester && offered("requester").has(answers.requester)) prefill.requester = answers.requester;
  if (answers.gender && offered("gender").has(answers.gender)) prefill.gender = answers.gender;
  const topics = offered("topics");
  const mapped = [...new Set((answers.topics ?? []).map((id) => intakeTopicToRecordTopic[id] ?? id).filter((id) => topics.has(id)))];
  if (mapped.length > 0) prefill.topics = mapped;
  return prefill;
}
