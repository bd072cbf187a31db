import { choiceLabel as labelOfChoice, type RecordDefinition } from "@/lib/forms";

/**
 * The record form's choices as reports count them: stored ids in the order of the record form version
 * in force, and today's label of each (ids are permanent, so every version's records count together).
 * Retired choices stay listed: earlier records still hold them.
 */
const fieldOf = { ageBand: "ageBand", gender: "gender", topic: "topics", outcome: "outcome" } as const;

export type ChoiceField = keyof typeof fieldOf;

export function choiceIds(definition: RecordDefinition, field: ChoiceField): readonly string[] {
  return definition[fieldOf[field]].choices.map((c) => c.id);
}

export function choiceLabel(definition: RecordDefinition, field: ChoiceField, id: string): string {
  return labelOfChoice(definition[fieldOf[field]], id);
}
