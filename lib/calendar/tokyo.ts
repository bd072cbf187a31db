import { tz } from "@date-fns/tz";
import { addMinutes, format, getDay, parseISO } from "date-fns";

// Every calendar question (which day, which weekday, which month, what does the clock say) is asked
// in Japan's time, whatever TZ the server process or the browser happens to run in.
export const inTokyo = tz("Asia/Tokyo");

const MINUTES_PER_DAY = 24 * 60;

/** A calendar date in Japan, "YYYY-MM-DD": the key shared by schedule data, reports and the holiday table. */
export type CalendarDate = string;

export function calendarDateOf(instant: Date): CalendarDate {
  return format(instant, "yyyy-MM-dd", { in: inTokyo });
}

/** Midnight JST starting `date`, as a zone-aware date for date-fns arithmetic. */
export const startOfCalendarDate = (date: CalendarDate) => parseISO(date, { in: inTokyo });

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return getDay(startOfCalendarDate(date));
}

/** The instant `minutes` after midnight JST of `date`; 1440 is the midnight that ends the day. */
export function instantAt(date: CalendarDate, minutes: number): Date {
  // Plain Date out: callers get data, not a zone-carrying object whose getters differ from Date's.
  return new Date(addMinutes(startOfCalendarDate(date), minutes).getTime());
}

/** Whether `instant` is the midnight that ends `date`, which schedules and notices call 24:00. */
export function isEndOfDay(date: CalendarDate, instant: Date): boolean {
  return instant.getTime() === instantAt(date, MINUTES_PER_DAY).getTime();
}

export function clockOf(instant: Date, pattern: "HH:mm" | "H:mm"): string {
  return format(instant, pattern, { in: inTokyo });
}
