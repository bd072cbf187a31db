import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationMessages, consultations } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { enqueueLineCall } from "@/lib/line-api";
import { publishConsoleEvent } from "@/lib/realtime";
import { isActive } from "./phase";
import { recordConsultationTimings } from "./record-consultation-timings";

/**
 * Ends conversations the youth has left: active (held) consultations with no youth message for
 * `minutes` since the later of their last message and the claim. The youth is told, in the talk
 * (never content, so also in secure mode). Waiting consultations are not touched: a youth who waits
 * is waiting for us, and the closing-time policy decides about them. The record stays to be written.
 * Rows are locked with SKIP LOCKED so several instances close each one once.
 */
export async function closeInactiveConsultations(db: Db, deps: { now: Date; minutes: number; keyring: Keyring }): Promise<number> {
  const cutoff = new Date(deps.now.getTime() - deps.minutes * 60_000);
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: consultations.id, youthId: consultations.youthId, channel: consultations.channel, assignedTo: consultations.assignedTo })
      .from(consultations)
      // An ISO string with a cast: postgres.js cannot bind a Date inside a raw sql expression.
      .where(and(isActive(), sql`greatest(${consultations.lastYouthMessageAt}, ${consultations.claimedAt}, ${consultations.openedAt}) < ${cutoff.toISOString()}::timestamptz`))
      .for("update", { skipLocked: true });
    for (const row of stale) {
      const outboxId = await enqueueLineCall(tx, { youthId: row.youthId, kind: "push", payload: { messages: [{ type: "text", text: ja.console.inactiveClosed }] } }, deps.keyring);
      await tx.insert(consultationMessages).values({
        consultationId: row.id,
        sender: "system",
        kind: "text",
        bodyEnc: encryptField(deps.keyring, ja.console.inactiveClosed),
        via: row.channel,
        sentAt: deps.now,
        outboxId,
      });
      await tx.update(consultations).set({ status: "closed", closedAt: deps.now, closeReason: "inactive" }).where(eq(consultations.id, row.id));
      await appendAudit(tx, { action: "consultation.auto_closed", actorLabel: "system", target: `consultation:${row.id}`, details: { reason: "inactive", minutes: deps.minutes, holder: row.assignedTo } });
      await publishConsoleEvent(tx, { kind: "closed", consultationId: row.id });
    }
    await recordConsultationTimings(tx, stale.map((row) => row.id), deps.now);
    return stale.length;
  });
}
