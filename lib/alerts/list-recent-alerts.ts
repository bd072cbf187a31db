import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts } from "@/db/schema";
import { selectAlerts, withClaimed } from "./select-alerts";

/** The admin page's recent alerts with their state. */
export async function listRecentAlerts(tx: DbOrTx, limit = 20) {
  const rows = await selectAlerts(tx).orderBy(desc(alerts.raisedAt)).limit(limit);
  return withClaimed(rows);
}
