import { choiceFieldsOf, type RecordDefinition } from "./definition";

export type RecordLabels = Record<(typeof choiceFieldsOf.record)[number], Record<string, string>>;

/**
 * The record form's labels by choice id, for reading stored records. Ids are permanent, so a record
 * made under an earlier version reads in today's words; retired choices keep their labels.
 */
export function labelRecordChoices(definition: RecordDefinition): RecordLabels {
  const table = (field: keyof RecordLabels) => Object.fromEntries((definition[field]?.choices ?? []).map((c) => [c.id, c.label]));
  return { ageBand: table("ageBand"), gender: table("gender"), topics: table("topics"), outcome: table("outcome"), requester: table("requester"), actions: table("actions") };
}
