import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { operationalAlerts } from "@/db/schema";
import { calendarDateOf, monthOf } from "@/lib/calendar";

/** The operational alerts raised in the Japan-time month of `at`, oldest first. */
export async function listOperationalAlerts(tx: DbOrTx, at: Date) {
  return tx
    .select({ kind: operationalAlerts.kind, raisedAt: operationalAlerts.raisedAt, sentAt: operationalAlerts.sentAt })
    .from(operationalAlerts)
    .where(eq(operationalAlerts.month, monthOf(calendarDateOf(at))))
    .orderBy(asc(operationalAlerts.raisedAt), asc(operationalAlerts.kind));
}
