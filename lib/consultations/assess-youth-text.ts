import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { raiseAlert } from "@/lib/alerts";
import { publishConsoleEvent } from "@/lib/realtime";
import { assessRisk, priorityOf, recordRiskAssessment, type RiskLevel, type RiskSource } from "@/lib/risk";

/**
 * Assesses what a youth wrote (a message, the intake's free text, a sticker's keywords) with the
 * lexicon in force, records the level and version, and raises the consultation's priority to it
 * (never lowers it). Consoles hear of a raise on commit; a raise to high also raises an on-call alert.
 */
export async function assessYouthText(
  tx: DbOrTx,
  input: { consultation: { id: string; priority: number }; messageId?: string; source: RiskSource; text: string; at: Date },
): Promise<{ level: RiskLevel; raised: boolean }> {
  const assessment = await assessRisk(tx, input.text);
  await recordRiskAssessment(tx, { consultationId: input.consultation.id, messageId: input.messageId, source: input.source, assessment, at: input.at });
  const priority = priorityOf(assessment.level);
  const raised = priority > input.consultation.priority;
  if (raised) {
    await tx.update(consultations).set({ priority, riskDetectedAt: input.at }).where(eq(consultations.id, input.consultation.id));
    await publishConsoleEvent(tx, { kind: "risk", consultationId: input.consultation.id });
    // People on call are told at any hour, in the same transaction: the alert exists if and only if what raised it does.
    if (assessment.level === "high") await raiseAlert(tx, { consultationId: input.consultation.id, kind: "risk", level: priority, at: input.at });
  }
  return { level: assessment.level, raised };
}
