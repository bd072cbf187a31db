import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { readsEasyJapanese } from "@/lib/forms";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { composeWaitingNotice } from "./compose-waiting-notice";
import { decideAutoReply } from "./decide-auto-reply";
import { findWait } from "./find-wait";

/**
 * The automatic reply owed to a youth who just wrote into `consultationId`, or null (throttled, or a
 * counselor is with them). Records what was decided on the consultation, in the caller's transaction.
 */
export async function composeAutoReply(tx: DbOrTx, consultationId: string, at: Date): Promise<string | null> {
  const [consultation] = await tx.select().from(consultations).where(eq(consultations.id, consultationId));
  if (!consultation) throw new Error("consultation not found");
  const stored = await loadCurrentSchedule(tx);
  const wait = await findWait(tx, consultationId, at);
  const decision = decideAutoReply({
    schedule: stored?.schedule ?? null,
    at,
    wait,
    previous: { kind: consultation.lastAutoReplyKind, at: consultation.lastAutoReplyAt },
  });
  if (!decision) return null;
  await tx.update(consultations).set({ lastAutoReplyKind: decision.kind, lastAutoReplyAt: at }).where(eq(consultations.id, consultationId));
  return (await composeWaitingNotice(tx, decision, wait?.minutes ?? null, { easy: readsEasyJapanese(consultation.intake) })).text;
}
