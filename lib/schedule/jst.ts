import { tz } from "@date-fns/tz";
import { addDays, addMinutes, format, getDay, parseISO } from "date-fns";

// Every calendar question (which day, which weekday, is it a holiday, what does the clock say) is
// asked in Japan's time, whatever TZ the server process happens to run in.
const TOKYO = "Asia/Tokyo";
export const inTokyo = tz(TOKYO);

const MINUTES_PER_DAY = 24 * 60;

/** A calendar date in Japan, "YYYY-MM-DD": the key shared by schedule data and the holiday table. */
export type CalendarDate = string;

export function calendarDateOf(instant: Date): CalendarDate {
  return format(instant, "yyyy-MM-dd", { in: inTokyo });
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return format(addDays(parseISO(date, { in: inTokyo }), days), "yyyy-MM-dd");
}

/** 0 = Sunday … 6 = Saturday, as `Schedule.weekly` is indexed. */
export function weekdayOf(date: CalendarDate): number {
  return getDay(parseISO(date, { in: inTokyo }));
}

/** Minutes since midnight of a validated "HH:MM" ("24:00" gives 1440). */
export function minutesOf(time: string): number {
  const [hours = "", minutes = ""] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** The instant `minutes` after midnight JST of `date`; 1440 is the midnight that ends the day. */
export function instantAt(date: CalendarDate, minutes: number): Date {
  // Plain Date out: callers get data, not a zone-carrying object whose getters differ from Date's.
  return new Date(addMinutes(parseISO(date, { in: inTokyo }), minutes).getTime());
}

/** Whether `instant` is the midnight that ends `date`, which schedules and notices call 24:00. */
export function isEndOfDay(date: CalendarDate, instant: Date): boolean {
  return instant.getTime() === instantAt(date, MINUTES_PER_DAY).getTime();
}

export function clockOf(instant: Date, pattern: "HH:mm" | "H:mm"): string {
  return format(instant, pattern, { in: inTokyo });
}
