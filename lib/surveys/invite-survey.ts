import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { enqueueLineCall } from "@/lib/line-api";
import { lineSurveyQuestion } from "./line-survey-questions";

/**
 * After a consultation ends, its youth is asked once to answer the survey (the version in force,
 * pinned): in line mode its first question arrives as quick replies; the secure chat shows the form
 * the next time the youth opens it. A consultation already invited is not invited again.
 */
export async function inviteSurvey(tx: DbOrTx, input: { consultationId: string; at: Date }, keyring: Keyring): Promise<void> {
  const form = await loadCurrentForm(tx, "survey");
  const [row] = await tx.select({ youthId: consultations.youthId, channel: consultations.channel, invitedAt: consultations.surveyInvitedAt }).from(consultations).where(eq(consultations.id, input.consultationId));
  if (!row || row.invitedAt) return;
  const line = row.channel === "line";
  await tx.update(consultations).set({ surveyInvitedAt: input.at, surveyVersionId: form.id, surveyStep: line ? "satisfaction" : null }).where(eq(consultations.id, input.consultationId));
  if (line) await enqueueLineCall(tx, { youthId: row.youthId, kind: "push", payload: { messages: [lineSurveyQuestion("satisfaction", form.definition, true)] } }, keyring);
}
