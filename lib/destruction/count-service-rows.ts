import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "./rows-of";
import { serviceTableNames } from "./service-tables";

/** Rows per table of the service, every table listed (0 included): what a dry run shows and the report proves. */
export async function countServiceRows(db: DbOrTx): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of serviceTableNames()) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`));
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}
