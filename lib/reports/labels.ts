import { ageBands, genders, outcomes, topics } from "@/lib/consultations/record-form";
import { ja } from "@/lib/i18n/ja";

/**
 * The record form's choices as reports count them: stored ids in the form's order, and the Japanese
 * label of each. This is the one place reports learn the record form, so moving it to versioned
 * form definitions changes only this file. An id no longer offered keeps counting, under its id.
 */
const choices = {
  ageBand: { ids: ageBands, labels: ja.console.ageBands as Record<string, string> },
  gender: { ids: genders, labels: ja.console.genders as Record<string, string> },
  topic: { ids: topics, labels: ja.console.topicLabels as Record<string, string> },
  outcome: { ids: outcomes, labels: ja.console.outcomes as Record<string, string> },
} as const;

export type ChoiceField = keyof typeof choices;

export function choiceIds(field: ChoiceField): readonly string[] {
  return choices[field].ids;
}

export function choiceLabel(field: ChoiceField, id: string): string {
  return choices[field].labels[id] ?? id;
}
