import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { retentionRuns } from "@/db/schema";
import { purgeKinds, type PurgeCounts } from "./purge-expired-data";

export interface RetentionRun {
  ranAt: Date;
  trigger: "schedule" | "command";
  counts: PurgeCounts;
}

/** The latest purges, newest first, for /admin/retention. */
export async function listRetentionRuns(db: DbOrTx, limit = 20): Promise<RetentionRun[]> {
  const rows = await db.select().from(retentionRuns).orderBy(desc(retentionRuns.ranAt)).limit(limit);
  return rows.map((r) => ({ ranAt: r.ranAt, trigger: r.trigger, counts: Object.fromEntries(purgeKinds.map((k) => [k, r.counts[k] ?? 0])) as PurgeCounts }));
}
