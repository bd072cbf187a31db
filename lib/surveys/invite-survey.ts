import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultations } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { enqueueLineCall } from "@/lib/line-api";
import { lineSurveyQuestion } from "./line-survey-questions";

/** consultations.priority: 0 通常, 1 注意, 2 高い. */
const HIGH_PRIORITY = 2;

/**
 * After a consultation ends, its youth is asked once to answer the survey (the version in force,
 * pinned): in line mode its first question arrives as quick replies; the secure chat shows the form
 * the next time the youth opens it. A consultation already invited is not invited again.
 * Not after a crisis or a consultation out of scope: an emergency (checked or the outcome), 対象外,
 * or a high priority (2) — asking "was it good to talk?" then is tactless, and the answers would not
 * be about the service.
 */
export async function inviteSurvey(tx: DbOrTx, input: { consultationId: string; at: Date }, keyring: Keyring): Promise<void> {
  const form = await loadCurrentForm(tx, "survey");
  const [row] = await tx
    .select({
      youthId: consultations.youthId,
      channel: consultations.channel,
      invitedAt: consultations.surveyInvitedAt,
      priority: consultations.priority,
      emergency: consultationRecords.emergency,
      outcome: consultationRecords.outcome,
      outOfScope: consultationRecords.outOfScope,
    })
    .from(consultations)
    .leftJoin(consultationRecords, eq(consultationRecords.consultationId, consultations.id))
    .where(eq(consultations.id, input.consultationId));
  if (!row || row.invitedAt) return;
  if (row.emergency || row.outcome === "emergency" || row.outOfScope || row.priority >= HIGH_PRIORITY) return;
  const line = row.channel === "line";
  await tx.update(consultations).set({ surveyInvitedAt: input.at, surveyVersionId: form.id, surveyStep: line ? "satisfaction" : null }).where(eq(consultations.id, input.consultationId));
  if (line) await enqueueLineCall(tx, { youthId: row.youthId, kind: "push", payload: { messages: [lineSurveyQuestion("satisfaction", form.definition, true)] } }, keyring);
}
