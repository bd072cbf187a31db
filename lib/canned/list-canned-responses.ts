import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cannedResponses } from "@/db/schema";

/** 定型文 by title; `query` searches title and body; inactive ones only for the admin page. */
export async function listCannedResponses(tx: DbOrTx, options: { query?: string; includeInactive?: boolean } = {}) {
  const filters: SQL[] = [];
  if (!options.includeInactive) filters.push(eq(cannedResponses.active, true));
  const q = options.query?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(cannedResponses.title, like), ilike(cannedResponses.body, like))!);
  }
  return tx.select().from(cannedResponses).where(and(...filters)).orderBy(asc(cannedResponses.title));
}
