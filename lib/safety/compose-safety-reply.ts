import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { priorityOf, type RiskLevel } from "@/lib/risk";
import { renderSafetyReply, type SafetyReply } from "./render-safety-reply";

/**
 * The safety reply owed for a message assessed at `level`, or null: only high risk gets one, and only
 * once per consultation and level (a youth writing ten alarming lines gets the numbers once). The
 * conditional update claims it, so two messages processed at once cannot both send it.
 */
export async function composeSafetyReply(
  tx: DbOrTx,
  input: { consultationId: string; level: RiskLevel; at: Date; pagingConfigured: boolean },
): Promise<SafetyReply | null> {
  if (input.level !== "high") return null;
  const rank = priorityOf(input.level);
  const claimed = await tx
    .update(consultations)
    .set({ safetyRepliedLevel: rank })
    .where(and(eq(consultations.id, input.consultationId), or(isNull(consultations.safetyRepliedLevel), lt(consultations.safetyRepliedLevel, rank))))
    .returning({ id: consultations.id });
  if (claimed.length === 0) return null;
  return renderSafetyReply(tx, { at: input.at, pagingConfigured: input.pagingConfigured });
}
