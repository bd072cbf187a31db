import { addDays, differenceInCalendarDays, format } from "date-fns";
import { inTokyo, startOfCalendarDate, type CalendarDate } from "./tokyo";

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return format(addDays(startOfCalendarDate(date), days), "yyyy-MM-dd");
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(startOfCalendarDate(to), startOfCalendarDate(from), { in: inTokyo });
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}
