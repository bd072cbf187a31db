import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { messagingApi } from "@line/bot-sdk";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { activeChoiceIds, loadFormVersion } from "@/lib/forms";
import { lineSurveyQuestion, lineSurveySteps, type LineSurveyStep } from "./line-survey-questions";
import { recordSurveyAnswer } from "./record-survey-answer";
import { withinSurveyWindow } from "./survey-window";

/**
 * A quick-reply answer of the line-mode survey, for the youth's most recently invited consultation.
 * A button of a question already answered (tapped twice), or tapped after the window, keeps the answer
 * already stored and thanks the youth; a choice the version does not offer asks the question again.
 * Returns the next question or the thanks; null when the youth was never invited.
 */
export async function answerLineSurvey(tx: DbOrTx, input: { youthId: string; data: URLSearchParams; at: Date }, keyring: Keyring): Promise<messagingApi.TextMessage | null> {
  const [consultation] = await tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.youthId, input.youthId), isNotNull(consultations.surveyInvitedAt)))
    .orderBy(desc(consultations.surveyInvitedAt))
    .limit(1)
    .for("update");
  if (!consultation?.surveyVersionId) return null;
  const { definition } = await loadFormVersion(tx, "survey", consultation.surveyVersionId);
  const thanks: messagingApi.TextMessage = { type: "text", text: definition.thanks };
  const step = input.data.get("step") as LineSurveyStep | null;
  if (!step || !lineSurveySteps.includes(step) || consultation.surveyStep !== step || !withinSurveyWindow(consultation.surveyInvitedAt, input.at)) return thanks;
  const skip = input.data.get("skip") === "1";
  const choice = input.data.get("choice") ?? "";
  if (!skip && !activeChoiceIds(definition[step]).includes(choice)) return lineSurveyQuestion(step, definition);
  const pinned = { id: consultation.id, openedAt: consultation.openedAt, channel: consultation.channel, surveyVersionId: consultation.surveyVersionId };
  if (!skip) await recordSurveyAnswer(tx, pinned, { [step]: choice }, keyring);
  // Skipping one question ends the survey: a youth who does not want to answer is not asked on.
  const next = !skip && step === "satisfaction" ? "again" : "done";
  await tx.update(consultations).set({ surveyStep: next }).where(eq(consultations.id, consultation.id));
  return next === "again" ? lineSurveyQuestion("again", definition) : thanks;
}
