import { choiceLabel, type IntakeDefinition } from "./definition";
import type { StoredIntake } from "./intake-answers";

export interface IntakeSummary {
  ageBand: string | null;
  gender: string | null;
  topics: string[];
  consent: boolean;
  /** The version's number, so a counselor can tell which wording the youth saw. */
  version: number;
}

/** The intake answers in words, with the labels of the version the youth answered (not today's). */
export function describeIntake(answers: StoredIntake | null, form: { version: number; definition: IntakeDefinition }): IntakeSummary {
  const def = form.definition;
  return {
    ageBand: answers?.ageBand ? choiceLabel(def.ageBand, answers.ageBand) : null,
    gender: answers?.gender ? choiceLabel(def.gender, answers.gender) : null,
    topics: (answers?.topics ?? []).map((id) => choiceLabel(def.topics, id)),
    consent: answers?.consent === true,
    version: form.version,
  };
}
