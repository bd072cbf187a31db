import { calendarMonthSchema, datesBetween, lastDayOfMonth, shiftMonth, weekdayOf, type CalendarMonth } from "@/lib/calendar";
import { resolveDay, type DayPlan } from "./resolve-day";
import type { Schedule } from "./schema";

export type MonthPlan = {
  year: number;
  month: number;
  /** Weekday of the 1st (0 = Sunday), where a Sunday-first calendar grid starts. */
  firstWeekday: number;
  days: DayPlan[];
  previous: CalendarMonth;
  next: CalendarMonth;
};

/** Every day of a JST calendar month "YYYY-MM" as resolveDay decides it, for the admin calendar. */
export function resolveMonth(schedule: Schedule, month: CalendarMonth): MonthPlan {
  const [year, monthNumber] = calendarMonthSchema.parse(month).split("-").map(Number) as [number, number];
  return {
    year,
    month: monthNumber,
    firstWeekday: weekdayOf(`${month}-01`),
    days: datesBetween(`${month}-01`, lastDayOfMonth(month)).map((date) => resolveDay(schedule, date)),
    previous: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
  };
}
