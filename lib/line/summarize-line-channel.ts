import { TZDate } from "@date-fns/tz";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lineInbox, lineOutbox } from "@/db/schema";
import { countPushesInMonth } from "@/lib/line-api";

export interface LineChannelSummary {
  month: { year: number; month: number; pushes: number };
  previousMonth: { year: number; month: number; pushes: number };
  inbox: Record<"pending" | "failed", number>;
  outbox: Record<"pending" | "failed", number>;
}

async function countByStatus(tx: DbOrTx, table: typeof lineInbox | typeof lineOutbox) {
  const rows = await tx
    .select({ status: table.status, n: sql<number>`count(*)::int` })
    .from(table)
    .where(sql`${table.status}::text in ('pending', 'sending', 'failed')`)
    .groupBy(table.status);
  const count = (s: string) => rows.filter((r) => r.status === s).reduce((sum, r) => sum + r.n, 0);
  return { pending: count("pending") + count("sending"), failed: count("failed") };
}

/** What an administrator watches: pushes cost money, and failed rows need a person to look. */
export async function summarizeLineChannel(tx: DbOrTx, at: Date): Promise<LineChannelSummary> {
  const tokyo = new TZDate(at.getTime(), "Asia/Tokyo");
  const year = tokyo.getFullYear();
  const month = tokyo.getMonth() + 1;
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return {
    month: { year, month, pushes: await countPushesInMonth(tx, year, month) },
    previousMonth: { ...previous, pushes: await countPushesInMonth(tx, previous.year, previous.month) },
    inbox: await countByStatus(tx, lineInbox),
    outbox: await countByStatus(tx, lineOutbox),
  };
}
