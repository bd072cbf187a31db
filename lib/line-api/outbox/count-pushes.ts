import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lineOutbox } from "@/db/schema";
import { monthRange, type CalendarMonth } from "@/lib/calendar";

/** Pushes cost money (replies do not): the number sent in a calendar month, Japan time. */
export async function countPushesInMonth(tx: DbOrTx, month: CalendarMonth): Promise<number> {
  const { start, end } = monthRange(month);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(lineOutbox)
    .where(and(eq(lineOutbox.sentVia, "push"), gte(lineOutbox.sentAt, start), lt(lineOutbox.sentAt, end)));
  return row?.n ?? 0;
}
