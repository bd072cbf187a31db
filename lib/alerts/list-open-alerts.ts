import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts, consultations } from "@/db/schema";
import { selectAlerts, withClaimed } from "./select-alerts";

/** Alerts nobody has acknowledged, of consultations still open: the console's list with its button. */
export async function listOpenAlerts(tx: DbOrTx) {
  const rows = await selectAlerts(tx)
    .where(and(isNull(alerts.acknowledgedAt), eq(consultations.status, "open")))
    .orderBy(desc(alerts.level), desc(alerts.raisedAt));
  return withClaimed(rows);
}
