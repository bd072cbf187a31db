import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts, consultations, staff, youths } from "@/db/schema";

const columns = {
  id: alerts.id,
  consultationId: alerts.consultationId,
  kind: alerts.kind,
  level: alerts.level,
  raisedAt: alerts.raisedAt,
  acknowledgedAt: alerts.acknowledgedAt,
  acknowledgedByName: staff.displayName,
  lastSentAt: alerts.lastSentAt,
  sendCount: alerts.sendCount,
  pseudonym: youths.pseudonym,
  claimed: consultations.assignedTo,
};

/** Alerts with what the console and the admin page show of them: ids, level, times, pseudonym. */
export function selectAlerts(tx: DbOrTx) {
  return tx
    .select(columns)
    .from(alerts)
    .innerJoin(consultations, eq(consultations.id, alerts.consultationId))
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .leftJoin(staff, eq(staff.id, alerts.acknowledgedBy));
}

export function withClaimed<T extends { claimed: string | null }>(rows: T[]) {
  return rows.map(({ claimed, ...r }) => ({ ...r, claimed: claimed !== null }));
}
