import type { messagingApi } from "@line/bot-sdk";
import type { IntakeDefinition } from "@/lib/forms";
import { activeChoiceIds, choiceLabel } from "@/lib/forms";
import { easy as easier, easyVersion, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";

/** The line-mode intake asks one question at a time; the consultation's intake_step names the one awaiting an answer. */
export const lineIntakeSteps = ["ageBand", "gender", "topics", "consent"] as const;
export type LineIntakeStep = (typeof lineIntakeSteps)[number];

/** What a quick-reply button sends back: `action=intake&step=…&choice=…` (or `done=1` to end the topics). */
export function intakePostbackData(step: LineIntakeStep, choice: string | { done: true }): string {
  const params = new URLSearchParams({ action: "intake", step });
  if (typeof choice === "string") params.set("choice", choice);
  else params.set("done", "1");
  return params.toString();
}

/** A text as a youth who reads やさしい日本語 gets it on LINE: the easy version in kana, no markup. */
function kana(text: string, easy: boolean): string {
  return easy ? rubyToKana(easyVersion(text)) : text;
}

function button(label: string, data: string): messagingApi.QuickReplyItem {
  // displayText makes the tap read in the talk like the youth's own answer.
  return { type: "action", action: { type: "postback", label, data, displayText: label } };
}

function choiceQuestion(
  text: string,
  step: LineIntakeStep,
  definition: IntakeDefinition,
  field: "ageBand" | "gender" | "topics",
  options: { easy: boolean; exclude?: string[] },
): messagingApi.TextMessage {
  const items = activeChoiceIds(definition[field])
    .filter((id) => !options.exclude?.includes(id))
    .map((id) => button(kana(choiceLabel(definition[field], id), options.easy), intakePostbackData(step, id)));
  return { type: "text", text: kana(text, options.easy), quickReply: { items } };
}

/**
 * The question for a step, with one quick-reply button per active choice (lib/forms keeps that at
 * 12 or fewer, LINE's limit being 13). Topics are picked one at a time: after each pick the question
 * comes back with the remaining topics and 「これで全部」. Once the youth said 小学生 (`easy`), the
 * rest comes in やさしい日本語: kana and short sentences, labels the admins left as the default included.
 */
export function lineIntakeQuestion(step: LineIntakeStep, definition: IntakeDefinition, reader: { easy: boolean; chosenTopics?: string[] }): messagingApi.TextMessage {
  const t = ja.intake.line;
  const { easy } = reader;
  const chosenTopics = reader.chosenTopics ?? [];
  switch (step) {
    case "ageBand":
      return choiceQuestion(t.askAge, step, definition, "ageBand", { easy });
    case "gender":
      return choiceQuestion(t.askGender, step, definition, "gender", { easy });
    case "topics": {
      if (chosenTopics.length === 0) return choiceQuestion(t.askTopics, step, definition, "topics", { easy });
      const last = kana(choiceLabel(definition.topics, chosenTopics.at(-1)!), easy);
      // The easy question is already easy: kana() finds no other version of it and only drops the markup.
      const question = choiceQuestion(easy ? easier.intake.line.askMoreTopics(last) : t.askMoreTopics(last), step, definition, "topics", { easy, exclude: chosenTopics });
      return { ...question, quickReply: { items: [...(question.quickReply?.items ?? []), button(kana(t.topicsDone, easy), intakePostbackData(step, { done: true }))] } };
    }
    case "consent":
      return {
        type: "text",
        text: `【${kana(definition.consent.title, easy)}】\n${kana(definition.consent.body, easy)}`,
        quickReply: { items: [button(kana(definition.consent.agree, easy), intakePostbackData(step, "agree"))] },
      };
  }
}
