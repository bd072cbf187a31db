import { describe, expect, it } from "vitest";
import { ja } from "@/lib/i18n/ja";
import { defaultIntakeDefinition } from "./default-definitions";
import { intakeDefinitionSchema, prefillRecordChoices, recordDefinitionSchema } from "./index";
import { formFieldErrors } from "./save-form-version";
import { defaultRecordDefinition } from "./default-definitions";

const withTopics = (choices: { id: string; label: string; retired?: boolean }[]) => ({ ...defaultIntakeDefinition, topics: { label: "相談したいこと", choices } });

describe("form definitions", () => {
  it("version 1 of both forms is valid, with the ids the reports count", () => {
    expect(intakeDefinitionSchema.parse(defaultIntakeDefinition)).toEqual(defaultIntakeDefinition);
    expect(recordDefinitionSchema.parse(defaultRecordDefinition)).toEqual(defaultRecordDefinition);
    expect(defaultIntakeDefinition.ageBand.choices.map((c) => c.id)).toEqual(["elementary", "junior_high", "high_school", "young_adult", "out_of_range"]);
    expect(defaultIntakeDefinition.gender.choices.map((c) => [c.id, c.label])).toContainEqual(["unknown", "答えたくない"]);
    expect(defaultIntakeDefinition.topics.choices.map((c) => c.label)).toEqual([
      "家族のこと・虐待",
      "不登校・学校のこと",
      "いじめ",
      "友だちのこと",
      "発達・障がいのこと",
      "家族の世話(ヤングケアラー)",
      "こころやからだのこと",
      "恋愛・性のこと",
      "進路・仕事のこと",
      "その他",
    ]);
    // R7: each of these is countable on its own in the record.
    for (const id of ["abuse", "truancy", "bullying", "developmental", "young_carer"]) expect(defaultRecordDefinition.topics.choices.map((c) => c.id)).toContain(id);
  });

  it("refuses duplicate ids, malformed ids, long labels, no active choice and more than LINE's buttons hold, with Japanese messages", () => {
    const errors = (def: unknown) => {
      const parsed = intakeDefinitionSchema.safeParse(def);
      return parsed.success ? {} : formFieldErrors(parsed.error);
    };
    expect(errors(withTopics([{ id: "a", label: "A" }, { id: "a", label: "B" }]))).toEqual({ "topics.choices.1.id": ja.forms.errors.duplicateId });
    expect(errors(withTopics([{ id: "Bad id", label: "A" }]))).toEqual({ "topics.choices.0.id": ja.forms.errors.choiceId });
    expect(errors(withTopics([{ id: "a", label: "あ".repeat(21) }]))).toEqual({ "topics.choices.0.label": ja.forms.errors.choiceLabelTooLong });
    expect(errors(withTopics([{ id: "a", label: "A", retired: true }]))).toEqual({ "topics.choices": ja.forms.errors.noChoices });
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ id: `t${i}`, label: `T${i}` }));
    expect(errors(withTopics(thirteen))).toEqual({ "topics.choices": ja.forms.errors.tooManyChoices(12) });
    // A retired choice no longer takes a button.
    expect(errors(withTopics(thirteen.map((c, i) => (i === 0 ? { ...c, retired: true } : c))))).toEqual({});
    expect(errors({ ...defaultIntakeDefinition, consent: { ...defaultIntakeDefinition.consent, body: "" } })).toEqual({ "consent.body": ja.forms.errors.label });
  });

  it("keeps the record's outcome ids to those the database and the rules know", () => {
    const def = { ...defaultRecordDefinition, outcome: { ...defaultRecordDefinition.outcome, choices: [...defaultRecordDefinition.outcome.choices, { id: "hug", label: "ハグ" }] } };
    const parsed = recordDefinitionSchema.safeParse(def);
    expect(parsed.success ? {} : formFieldErrors(parsed.error)).toEqual({ "outcome.choices.6.id": ja.forms.errors.fixedOutcome });
  });

  it("prefills the record from the intake: same ids as themselves, broad intake topics to the broad category, never a sensitive one", () => {
    expect(prefillRecordChoices({ ageBand: "junior_high", gender: "unknown", topics: ["family_abuse", "bullying", "school_truancy", "career_work"], consent: true }, defaultRecordDefinition)).toEqual({
      ageBand: "junior_high",
      gender: "unknown",
      topics: ["family", "bullying", "school", "career"],
    });
    const retiredBullying = { ...defaultRecordDefinition, topics: { ...defaultRecordDefinition.topics, choices: defaultRecordDefinition.topics.choices.map((c) => (c.id === "bullying" ? { ...c, retired: true } : c)) } };
    expect(prefillRecordChoices({ topics: ["bullying"] }, retiredBullying)).toEqual({});
    expect(prefillRecordChoices(null, defaultRecordDefinition)).toEqual({});
  });
});
