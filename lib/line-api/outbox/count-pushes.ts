import { TZDate } from "@date-fns/tz";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lineOutbox } from "@/db/schema";

/** Pushes cost money (replies do not): the number sent in a calendar month, Japan time. */
export async function countPushesInMonth(tx: DbOrTx, year: number, month: number): Promise<number> {
  const from = new TZDate(year, month - 1, 1, "Asia/Tokyo");
  const to = new TZDate(year, month, 1, "Asia/Tokyo");
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(lineOutbox)
    .where(and(eq(lineOutbox.sentVia, "push"), gte(lineOutbox.sentAt, new Date(from.getTime())), lt(lineOutbox.sentAt, new Date(to.getTime()))));
  return row?.n ?? 0;
}
