import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { supportAgencies } from "@/db/schema";

/** Agencies by name; `query` matches the name, phone, or a topic; inactive ones only for the admin page. */
export async function listAgencies(tx: DbOrTx, options: { query?: string; includeInactive?: boolean } = {}) {
  const filters: SQL[] = [];
  if (!options.includeInactive) filters.push(eq(supportAgencies.active, true));
  const q = options.query?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(supportAgencies.name, like), ilike(supportAgencies.phone, like), sql`exists (select 1 from unnest(${supportAgencies.topics}) t where t ilike ${like})`)!);
  }
  return tx.select().from(supportAgencies).where(and(...filters)).orderBy(asc(supportAgencies.name));
}
