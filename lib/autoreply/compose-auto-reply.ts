import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { isWaiting } from "@/lib/consultations";
import { readsEasyJapanese } from "@/lib/forms";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { decideAutoReply } from "./decide-auto-reply";
import { renderAutoReply } from "./render-auto-reply";

/**
 * Youth ahead of this consultation in the counselors' queue: waiting (open, nobody holds it) and
 * ordered before it as the queue orders them, by priority and then by time.
 */
async function queuePosition(tx: DbOrTx, consultation: { id: string; openedAt: Date; priority: number }): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(
      and(
        isWaiting(),
        or(gt(consultations.priority, consultation.priority), and(eq(consultations.priority, consultation.priority), lt(consultations.openedAt, consultation.openedAt))),
      ),
    );
  return (row?.n ?? 0) + 1;
}

/**
 * The automatic reply owed to a youth who just wrote into `consultationId`, or null (throttled).
 * Records what was decided on the consultation, in the caller's transaction.
 */
export async function composeAutoReply(tx: DbOrTx, consultationId: string, at: Date): Promise<string | null> {
  const [consultation] = await tx.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!consultation) throw new Error("consultation not found");
  const stored = await loadCurrentSchedule(tx);
  const decision = decideAutoReply({
    schedule: stored?.schedule ?? null,
    at,
    position: await queuePosition(tx, consultation),
    previous: { kind: consultation.lastAutoReplyKind, at: consultation.lastAutoReplyAt },
  });
  if (!decision) return null;
  await tx.update(consultations).set({ lastAutoReplyKind: decision.kind, lastAutoReplyAt: at }).where(eq(consultations.id, consultationId));
  return renderAutoReply(tx, decision.kind, decision.values, { easy: readsEasyJapanese(consultation.intake) });
}
