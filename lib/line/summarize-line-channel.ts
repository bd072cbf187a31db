import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarDateOf, monthOf, shiftMonth, type CalendarMonth } from "@/lib/calendar";
import { lineInbox, lineOutbox } from "@/db/schema";
import { listOperationalAlerts } from "@/lib/alerts";
import { countPushesInMonth, findLineQuotaReading } from "@/lib/line-api";

export interface LineChannelSummary {
  month: { year: number; month: number; pushes: number };
  previousMonth: { year: number; month: number; pushes: number };
  inbox: Record<"pending" | "failed", number>;
  outbox: Record<"pending" | "failed", number>;
  /** LINE's own count of this month's paid messages, as last read; null before the first reading. */
  quota: { used: number; limit: number | null; percent: number | null; readAt: Date } | null;
  /** The quota alerts of this month (80 %, 95 %, limit reached) and when they went to the on-call list. */
  quotaAlerts: { kind: "line_quota_80" | "line_quota_95" | "line_monthly_limit"; raisedAt: Date; sentAt: Date | null }[];
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

async function pushesIn(tx: DbOrTx, calendarMonth: CalendarMonth) {
  const [year, month] = calendarMonth.split("-").map(Number) as [number, number];
  return { year, month, pushes: await countPushesInMonth(tx, calendarMonth) };
}

function quotaOf(reading: Awaited<ReturnType<typeof findLineQuotaReading>>): LineChannelSummary["quota"] {
  if (!reading) return null;
  const percent = reading.limit ? Math.floor((reading.used * 100) / reading.limit) : null;
  return { used: reading.used, limit: reading.limit, percent, readAt: reading.readAt };
}

/** What an administrator watches: pushes cost money, and failed rows need a person to look. */
export async function summarizeLineChannel(tx: DbOrTx, at: Date): Promise<LineChannelSummary> {
  const month = monthOf(calendarDateOf(at));
  return {
    month: await pushesIn(tx, month),
    previousMonth: await pushesIn(tx, shiftMonth(month, -1)),
    inbox: await countByStatus(tx, lineInbox),
    outbox: await countByStatus(tx, lineOutbox),
    quota: quotaOf(await findLineQuotaReading(tx)),
    quotaAlerts: await listOperationalAlerts(tx, at),
  };
}
