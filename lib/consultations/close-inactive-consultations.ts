import { sql, and } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { closeConsultation } from "./close-consultation";
import { isActive } from "./phase";

/**
 * Ends conversations the youth has left: active (held) consultations with no youth message for
 * `minutes` since the later of their last message and the claim. The youth is told by the closing
 * message for inactivity (closeConsultation), never content, so also in secure mode. Waiting consultations are not touched: a youth who waits
 * is waiting for us, and the closing-time policy decides about them. The record stays to be written.
 * Rows are locked with SKIP LOCKED so several instances close each one once.
 */
export async function closeInactiveConsultations(db: Db, deps: { at: Date; minutes: number; keyring: Keyring }): Promise<number> {
  const cutoff = new Date(deps.at.getTime() - deps.minutes * 60_000);
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: consultations.id, assignedTo: consultations.assignedTo })
      .from(consultations)
      // An ISO string with a cast: postgres.js cannot bind a Date inside a raw sql expression.
      .where(and(isActive(), sql`greatest(${consultations.lastYouthMessageAt}, ${consultations.claimedAt}, ${consultations.openedAt}) < ${cutoff.toISOString()}::timestamptz`))
      .for("update", { skipLocked: true });
    for (const row of stale) {
      await closeConsultation(tx, {
        consultationId: row.id,
        reason: "inactive",
        at: deps.at,
        by: "system",
        details: { reason: "inactive", minutes: deps.minutes, holder: row.assignedTo },
      }, deps.keyring);
    }
    return stale.length;
  });
}
