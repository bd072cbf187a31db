import type { DbOrTx } from "@/db";
import { operationalAlerts } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { calendarDateOf, monthOf } from "@/lib/calendar";

export type OperationalAlertKind = (typeof operationalAlerts.$inferInsert)["kind"];

/**
 * Raises an alert about the service (LINE's quota), at most once per kind and Japan-time month: LINE's
 * count starts again on the 1st. The alert worker sends it to the on-call list after the commit.
 * Returns the alert raised, or null when this month already had one.
 */
export async function raiseOperationalAlert(tx: DbOrTx, input: { kind: OperationalAlertKind; at: Date }): Promise<string | null> {
  const [raised] = await tx
    .insert(operationalAlerts)
    .values({ kind: input.kind, month: monthOf(calendarDateOf(input.at)), raisedAt: input.at })
    .onConflictDoNothing()
    .returning({ id: operationalAlerts.id });
  if (!raised) return null;
  await appendAudit(tx, { action: "alert.raised", actorLabel: "system", target: `operational_alert:${raised.id}`, details: { kind: input.kind } });
  return raised.id;
}
