import type { messagingApi } from "@line/bot-sdk";
import { activeChoiceIds, choiceLabel, type SurveyDefinition } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

/**
 * Line mode asks the survey's choice questions as quick replies, one at a time; the consultation's
 * survey_step names the one awaiting an answer. The free comment is not asked in the LINE talk: a
 * text there starts a new consultation, so the comment is offered in the secure chat only.
 */
export const lineSurveySteps = ["satisfaction", "again"] as const;
export type LineSurveyStep = (typeof lineSurveySteps)[number];

/** What a quick-reply button sends back: `action=survey&step=…&choice=…`, or `skip=1` to answer no more. */
export function surveyPostbackData(step: LineSurveyStep, choice: string | { skip: true }): string {
  const params = new URLSearchParams({ action: "survey", step });
  if (typeof choice === "string") params.set("choice", choice);
  else params.set("skip", "1");
  return params.toString();
}

function button(label: string, data: string): messagingApi.QuickReplyItem {
  return { type: "action", action: { type: "postback", label, data, displayText: label } };
}

/** The question of a step, one button per active choice and 「答えない」 last (lib/forms keeps choices to 12). */
export function lineSurveyQuestion(step: LineSurveyStep, definition: SurveyDefinition, intro = false): messagingApi.TextMessage {
  const field = definition[step];
  const items = activeChoiceIds(field).map((id) => button(choiceLabel(field, id), surveyPostbackData(step, id)));
  items.push(button(ja.survey.skip, surveyPostbackData(step, { skip: true })));
  return { type: "text", text: intro ? `${definition.intro}\n\n${field.label}` : field.label, quickReply: { items } };
}
