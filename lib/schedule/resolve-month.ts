import { z } from "zod";
import { weekdayOf } from "./jst";
import { resolveDay, type DayPlan } from "./resolve-day";
import type { Schedule } from "./schema";

/** A calendar month "YYYY-MM", as the admin calendar's `?month=` carries it. */
export const calendarMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export type MonthPlan = {
  year: number;
  month: number;
  /** Weekday of the 1st (0 = Sunday), where a Sunday-first calendar grid starts. */
  firstWeekday: number;
  days: DayPlan[];
  previous: string;
  next: string;
};

const pad = (n: number) => String(n).padStart(2, "0");
const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;

/** Every day of a JST calendar month "YYYY-MM" as resolveDay decides it, for the admin calendar. */
export function resolveMonth(schedule: Schedule, month: string): MonthPlan {
  const [year, monthNumber] = calendarMonthSchema.parse(month).split("-").map(Number) as [number, number];
  // Plain arithmetic on the calendar, so the process's time zone plays no part.
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const days = Array.from({ length }, (_, i) => resolveDay(schedule, `${month}-${pad(i + 1)}`));
  return {
    year,
    month: monthNumber,
    firstWeekday: weekdayOf(`${month}-01`),
    days,
    previous: monthNumber === 1 ? monthKey(year - 1, 12) : monthKey(year, monthNumber - 1),
    next: monthNumber === 12 ? monthKey(year + 1, 1) : monthKey(year, monthNumber + 1),
  };
}
