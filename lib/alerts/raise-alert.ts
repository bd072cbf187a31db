import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { publishConsoleEvent } from "@/lib/realtime";

export type AlertKind = (typeof alerts.$inferInsert)["kind"];

/**
 * Raises the consultation's alert of this kind in the caller's transaction, so it exists exactly when
 * the message (or emergency) that caused it does. Once per consultation and kind: a later, higher level
 * raises the level of the same alert (and re-opens it if it was acknowledged at a lower level). The
 * alert worker sends it after the commit. Returns the alert raised, or null when it already stood at this level.
 */
export async function raiseAlert(tx: DbOrTx, input: { consultationId: string; kind: AlertKind; level: number; at: Date }): Promise<string | null> {
  const [inserted] = await tx
    .insert(alerts)
    .values({ consultationId: input.consultationId, kind: input.kind, level: input.level, raisedAt: input.at })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  let alertId = inserted?.id;
  if (!alertId) {
    const [raisedAgain] = await tx
      .update(alerts)
      .set({ level: input.level, raisedAt: input.at, acknowledgedAt: null, acknowledgedBy: null, lastSentAt: null })
      .where(sql`${alerts.consultationId} = ${input.consultationId} and ${alerts.kind} = ${input.kind} and ${alerts.level} < ${input.level}`)
      .returning({ id: alerts.id });
    if (!raisedAgain) return null;
    alertId = raisedAgain.id;
  }
  await appendAudit(tx, { action: "alert.raised", actorLabel: "system", target: `alert:${alertId}`, details: { consultationId: input.consultationId, kind: input.kind, level: input.level } });
  await publishConsoleEvent(tx, { kind: "alert", consultationId: input.consultationId });
  return alertId;
}
