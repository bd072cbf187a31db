import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { CONSOLE_CHANNEL, consoleEventSchema, type ConsoleEvent } from "./events";

/**
 * NOTIFY inside the caller's transaction: PostgreSQL delivers it on commit and drops it on rollback,
 * so no browser hears of a claim or message that did not happen. Every app instance listening on the
 * same database receives it.
 */
export async function publishConsoleEvent(tx: DbOrTx, event: ConsoleEvent): Promise<void> {
  const payload = JSON.stringify(consoleEventSchema.parse(event));
  await tx.execute(sql`select pg_notify(${CONSOLE_CHANNEL}, ${payload})`);
}
