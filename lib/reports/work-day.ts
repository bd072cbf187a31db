import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DateRange } from "@/lib/calendar";

/**
 * The 業務日 of the work log: a JST day that runs from 05:00 to 05:00 the next morning. Evening
 * sessions end at midnight or later, and the records of the last consultations are written after
 * it; they are that evening's work, not a day of their own.
 */
const WORK_DAY_STARTS_AT_HOURS = 5;

export const workDay = (column: AnyColumn | SQL) => sql<string>`to_char((${column} at time zone 'Asia/Tokyo') - interval '${sql.raw(String(WORK_DAY_STARTS_AT_HOURS))} hours', 'YYYY-MM-DD')`;

/** The instants of the 業務日 from range.from to range.to. */
export function workDayRange(range: DateRange): { start: Date; end: Date } {
  const shift = WORK_DAY_STARTS_AT_HOURS * 3600_000;
  return { start: new Date(range.start.getTime() + shift), end: new Date(range.end.getTime() + shift) };
}
