import { sql } from "drizzle-orm";
import { APP_CONNECTION_NAME, TOOL_CONNECTION_NAME } from "@/db/client";
import type { Db } from "@/db";
import { rowsOf } from "./rows-of";

/**
 * Connections of running app instances and of other Soudan tools (a cron retention run, a handover
 * export) to this PostgreSQL database, this one's own excepted: each names its connections, and an app
 * instance keeps at least one open (its LISTEN connection) while it runs.
 */
export async function countAppConnections(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name in (${APP_CONNECTION_NAME}, ${TOOL_CONNECTION_NAME}) and pid <> pg_backend_pid()`,
    ),
  );
  return Number(row?.n ?? 0);
}
