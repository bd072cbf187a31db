import { findNationalHoliday } from "./holidays";
import { weekdayOf, type CalendarDate } from "@/lib/calendar";
import type { Schedule, Timeframe } from "./schema";

export type DayPlan = {
  date: CalendarDate;
  /** Which rule decided the day, so the console can say why a day is open or closed. */
  rule: "outside-period" | "opening" | "closure" | "holiday" | "weekly";
  timeframes: Timeframe[];
  /** The opening's or closure's reason, or the holiday's name; null otherwise. */
  reason: string | null;
};

/**
 * The staffed timeframes of one JST calendar date ("YYYY-MM-DD"). The most specific agreement
 * wins: a dated opening beats a closure (the city agreed to open that very day), a closure beats
 * the holiday rule, and the holiday rule beats the weekday's timeframes.
 */
export function resolveDay(schedule: Schedule, date: CalendarDate): DayPlan {
  const { from, to } = schedule.servicePeriod;
  if (date < from || date > to) return { date, rule: "outside-period", timeframes: [], reason: null };

  const opening = schedule.openings.find((o) => o.date === date);
  if (opening) return { date, rule: "opening", timeframes: opening.timeframes, reason: opening.reason };

  const closure = schedule.closures.find((c) => c.from <= date && date <= c.to);
  if (closure) return { date, rule: "closure", timeframes: [], reason: closure.reason };

  const holiday = schedule.holidays.enabled ? findNationalHoliday(date) : null;
  if (holiday !== null) return { date, rule: "holiday", timeframes: schedule.holidays.timeframes, reason: holiday };

  return { date, rule: "weekly", timeframes: schedule.weekly[weekdayOf(date)] ?? [], reason: null };
}
