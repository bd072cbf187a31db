import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { alerts } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { publishConsoleEvent } from "@/lib/realtime";
import { AlertError } from "./errors";

/** A person has seen the alert: re-sends stop. Only the first acknowledgement counts. */
export async function acknowledgeAlert(db: Db, input: { alertId: string; at: Date }, actor: { id: string; loginId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({ acknowledgedAt: input.at, acknowledgedBy: actor.id })
      .where(and(eq(alerts.id, input.alertId), isNull(alerts.acknowledgedAt)))
      .returning({ consultationId: alerts.consultationId, sendCount: alerts.sendCount });
    if (!row) {
      const [exists] = await tx.select({ id: alerts.id }).from(alerts).where(eq(alerts.id, input.alertId));
      throw new AlertError(exists ? "already_acknowledged" : "not_found");
    }
    await appendAudit(tx, { action: "alert.acknowledged", actor, target: `alert:${input.alertId}`, details: { consultationId: row.consultationId, sendCount: row.sendCount } });
    await publishConsoleEvent(tx, { kind: "alert", consultationId: row.consultationId });
  });
}
