import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { loadFormVersion, type FormVersion } from "@/lib/forms";
import { withinSurveyWindow } from "./survey-window";

export type PendingSurvey = { consultation: typeof consultations.$inferSelect; form: FormVersion<"survey"> };

/**
 * The survey the youth may still answer in the secure chat: their most recently invited consultation,
 * closed, not answered, within the window, and no consultation open now (a youth already talking again
 * is not interrupted). Null otherwise.
 */
export async function loadSurveyForYouth(tx: DbOrTx, youthId: string, at: Date): Promise<PendingSurvey | null> {
  const [open] = await tx.select({ id: consultations.id }).from(consultations).where(and(eq(consultations.youthId, youthId), eq(consultations.status, "open"))).limit(1);
  if (open) return null;
  const [consultation] = await tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.youthId, youthId), isNotNull(consultations.surveyInvitedAt)))
    .orderBy(desc(consultations.surveyInvitedAt))
    .limit(1);
  if (!consultation?.surveyVersionId || consultation.surveyStep === "done" || !withinSurveyWindow(consultation.surveyInvitedAt, at)) return null;
  return { consultation, form: await loadFormVersion(tx, "survey", consultation.surveyVersionId) };
}
