import type { DbOrTx } from "@/db";
import { riskAssessments } from "@/db/schema";
import type { RiskAssessment } from "./assess-text";
import { priorityOf } from "./levels";

export type RiskSource = (typeof riskAssessments.$inferInsert)["source"];

/** Keeps the level and the lexicon version an assessment used; never the text nor the matched words. */
export async function recordRiskAssessment(
  tx: DbOrTx,
  input: { consultationId: string; messageId?: string; source: RiskSource; assessment: RiskAssessment; at: Date },
): Promise<void> {
  await tx.insert(riskAssessments).values({
    consultationId: input.consultationId,
    messageId: input.messageId ?? null,
    source: input.source,
    level: priorityOf(input.assessment.level),
    lexiconVersion: input.assessment.lexiconVersion,
    at: input.at,
  });
}
