import type { messagingApi } from "@line/bot-sdk";
import type { IntakeDefinition } from "@/lib/forms";
import { activeChoiceIds, choiceLabel } from "@/lib/forms";
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

function button(label: string, data: string): messagingApi.QuickReplyItem {
  // displayText makes the tap read in the talk like the youth's own answer.
  return { type: "action", action: { type: "postback", label, data, displayText: label } };
}

function choiceQuestion(text: string, step: LineIntakeStep, definition: IntakeDefinition, field: "ageBand" | "gender" | "topics", exclude: string[] = []): messagingApi.TextMessage {
  const items = activeChoiceIds(definition[field])
    .filter((id) => !exclude.includes(id))
    .map((id) => button(choiceLabel(definition[field], id), intakePostbackData(step, id)));
  return { type: "text", text, quickReply: { items } };
}

/**
 * The question for a step, with one quick-reply button per active choice (lib/forms keeps that at
 * 12 or fewer, LINE's limit being 13). Topics are picked one at a time: after each pick the question
 * comes back with the remaining topics and 「これで全部」.
 */
export function lineIntakeQuestion(step: LineIntakeStep, definition: IntakeDefinition, chosenTopics: string[] = []): messagingApi.TextMessage {
  const t = ja.intake.line;
  switch (step) {
    case "ageBand":
      return choiceQuestion(t.askAge, step, definition, "ageBand");
    case "gender":
      return choiceQuestion(t.askGender, step, definition, "gender");
    case "topics": {
      if (chosenTopics.length === 0) return choiceQuestion(t.askTopics, step, definition, "topics");
      const last = choiceLabel(definition.topics, chosenTopics.at(-1)!);
      const question = choiceQuestion(t.askMoreTopics(last), step, definition, "topics", chosenTopics);
      return { ...question, quickReply: { items: [...(question.quickReply?.items ?? []), button(t.topicsDone, intakePostbackData(step, { done: true }))] } };
    }
    case "consent":
      return {
        type: "text",
        text: `【${definition.consent.title}】\n${definition.consent.body}`,
        quickReply: { items: [button(definition.consent.agree, intakePostbackData(step, "agree"))] },
      };
  }
}
