import { and, eq, gte, isNotNull, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { consultationRecords, consultationTimings, consultations } from "@/db/schema";
import type { Session } from "@/lib/schedule";
import type { DurationStats } from "./schemas";
import type { DateRange } from "@/lib/calendar";

// Shared SQL for the report queries. Every calendar question is asked in Japan's time, in the
// database, so a month's rows are grouped the same way on any server TZ.

type Expr = AnyColumn | SQL;

export const jstDate = (column: Expr) => sql<string>`to_char(${column} at time zone 'Asia/Tokyo', 'YYYY-MM-DD')`;
export const jstMonth = (column: Expr) => sql<string>`to_char(${column} at time zone 'Asia/Tokyo', 'YYYY-MM')`;
export const jstHour = (column: Expr) => sql<number>`extract(hour from ${column} at time zone 'Asia/Tokyo')::int`;

/** Whether an instant lies in one of the staffed sessions (ISO strings: postgres.js cannot bind a Date in raw SQL). */
export function inSessions(column: Expr, sessions: readonly Session[]): SQL {
  if (sessions.length === 0) return sql`false`;
  const ranges = sessions.map((s) => sql`(${column} >= ${s.start.toISOString()}::timestamptz and ${column} < ${s.end.toISOString()}::timestamptz)`);
  return sql`(${sql.join(ranges, sql` or `)})`;
}

export const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

/**
 * Arrived in staffed hours: the flag stored when the consultation closed, or, while it is still
 * open, the sessions of the report's schedule.
 */
export const arrivedInHours = (sessions: readonly Session[]) => sql`coalesce(${consultationTimings.arrivedInStaffedHours}, ${inSessions(consultations.openedAt, sessions)})`;

/** Median, 90th percentile and mean of a seconds column over the rows matching `condition`. */
export function durationStatsFields(column: AnyColumn, condition: SQL) {
  const where = sql`${condition} and ${column} is not null`;
  return {
    n: sql<number>`(count(${column}) filter (where ${where}))::int`,
    median: sql<number | null>`(percentile_cont(0.5) within group (order by ${column}) filter (where ${where}))::float8`,
    p90: sql<number | null>`(percentile_cont(0.9) within group (order by ${column}) filter (where ${where}))::float8`,
    mean: sql<number | null>`(avg(${column}) filter (where ${where}))::float8`,
  };
}

// Tenths of a second: enough for minutes with one decimal, and free of floating-point dust (420.0000000000001).
const toNumber = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

export function durationStats(row: { n: number; median: unknown; p90: unknown; mean: unknown }): DurationStats {
  return { count: Number(row.n), medianSeconds: toNumber(row.median), p90Seconds: toNumber(row.p90), meanSeconds: toNumber(row.mean) };
}

/** Consultations received in the range. */
export const receivedIn = (range: DateRange) => and(gte(consultations.openedAt, range.start), lt(consultations.openedAt, range.end));

/** The join every consultation report reads: timings once closed, the record once finalized. */
export const timingsJoin = eq(consultationTimings.consultationId, consultations.id);
export const recordJoin = and(eq(consultationRecords.consultationId, consultations.id), isNotNull(consultationRecords.finalizedAt));
