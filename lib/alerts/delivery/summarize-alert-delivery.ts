import { desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alertOutbox } from "@/db/schema";

/** The admin page's view of delivery: the last failure (server and answer) and what is still owed. */
export async function summarizeAlertDelivery(tx: DbOrTx) {
  const [lastError] = await tx
    .select({ channel: alertOutbox.channel, error: alertOutbox.lastError, at: alertOutbox.lastErrorAt, status: alertOutbox.status })
    .from(alertOutbox)
    .where(isNotNull(alertOutbox.lastErrorAt))
    .orderBy(desc(alertOutbox.lastErrorAt))
    .limit(1);
  const pending = await tx.$count(alertOutbox, eq(alertOutbox.status, "pending"));
  const failed = await tx.$count(alertOutbox, eq(alertOutbox.status, "failed"));
  return { lastError: lastError ?? null, pending, failed };
}
