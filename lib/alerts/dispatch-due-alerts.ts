import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { alerts, consultations, operationalAlerts, youths } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { enqueueAlertDeliveries } from "./delivery/enqueue-alert-deliveries";
import { listOnCallRecipients } from "./list-on-call-recipients";

export interface AlertDispatchSettings {
  /** Whether e-mail (SOUDAN_SMTP_URL) and the webhook (SOUDAN_ALERT_WEBHOOK_URL) are configured. */
  email: boolean;
  webhook: boolean;
  defaultRecipients: readonly string[];
  /** SOUDAN_PUBLIC_URL: alerts link to the console conversation. */
  publicUrl: string;
  resendMinutes: number;
}

const BATCH = 20;

/**
 * Queues the deliveries of every alert that is due: never sent yet, or unacknowledged, its consultation
 * still open and unclaimed, and last sent at least `resendMinutes` ago. Recipients are those on call
 * at the time of sending. With neither channel configured nothing is due: alerts show in the console only.
 */
export async function dispatchDueAlerts(db: Db, input: { at: Date } & AlertDispatchSettings): Promise<number> {
  if (!input.email && !input.webhook) return 0;
  const resendBefore = new Date(input.at.getTime() - input.resendMinutes * 60_000);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: alerts.id, consultationId: alerts.consultationId, kind: alerts.kind, level: alerts.level, raisedAt: alerts.raisedAt, sendCount: alerts.sendCount, pseudonym: youths.pseudonym })
      .from(alerts)
      .innerJoin(consultations, eq(consultations.id, alerts.consultationId))
      .innerJoin(youths, eq(youths.id, consultations.youthId))
      .where(
        and(
          isNull(alerts.acknowledgedAt),
          or(
            isNull(alerts.lastSentAt),
            and(lte(alerts.lastSentAt, resendBefore), eq(consultations.status, "open"), isNull(consultations.assignedTo)),
          ),
        ),
      )
      .limit(BATCH)
      .for("update", { of: alerts, skipLocked: true });
    for (const alert of due) {
      const emails = input.email ? await listOnCallRecipients(tx, { at: input.at, defaultRecipients: input.defaultRecipients }) : [];
      const sending = alert.sendCount + 1;
      const queued = await enqueueAlertDeliveries(tx, {
        alertId: alert.id,
        at: input.at,
        emails,
        webhook: input.webhook,
        payload: {
          kind: alert.kind,
          level: alert.level >= 2 ? "high" : "concern",
          raisedAt: alert.raisedAt.toISOString(),
          pseudonym: alert.pseudonym,
          url: new URL(`/console/c/${alert.consultationId}`, input.publicUrl).toString(),
          sending,
        },
      });
      await tx.update(alerts).set({ lastSentAt: input.at, sendCount: sql`${alerts.sendCount} + 1` }).where(eq(alerts.id, alert.id));
      await appendAudit(tx, { action: "alert.sent", actorLabel: "system", target: `alert:${alert.id}`, details: { sending, emails: emails.length, webhook: input.webhook, queued } });
    }
    return due.length + (await dispatchOperationalAlerts(tx, input));
  });
}

/** Operational alerts go out once, to whoever is on call, and link to /admin/line. */
async function dispatchOperationalAlerts(tx: Tx, input: { at: Date } & AlertDispatchSettings): Promise<number> {
  const due = await tx
    .select()
    .from(operationalAlerts)
    .where(isNull(operationalAlerts.sentAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  for (const alert of due) {
    const emails = input.email ? await listOnCallRecipients(tx, { at: input.at, defaultRecipients: input.defaultRecipients }) : [];
    const queued = await enqueueAlertDeliveries(tx, {
      operationalAlertId: alert.id,
      at: input.at,
      emails,
      webhook: input.webhook,
      payload: { kind: alert.kind, raisedAt: alert.raisedAt.toISOString(), url: new URL("/admin/line", input.publicUrl).toString() },
    });
    await tx.update(operationalAlerts).set({ sentAt: input.at }).where(eq(operationalAlerts.id, alert.id));
    await appendAudit(tx, { action: "alert.sent", actorLabel: "system", target: `operational_alert:${alert.id}`, details: { emails: emails.length, webhook: input.webhook, queued } });
  }
  return due.length;
}
