import { addCalendarDays } from "./days";
import { lastDayOfMonth, type CalendarMonth } from "./months";
import { instantAt, type CalendarDate } from "./tokyo";

/** Calendar dates in Japan, both inclusive, and the instants [start, end) they span. */
export interface DateRange {
  from: CalendarDate;
  to: CalendarDate;
  start: Date;
  end: Date;
}

export function dateRange(from: CalendarDate, to: CalendarDate): DateRange {
  return { from, to, start: instantAt(from, 0), end: instantAt(addCalendarDays(to, 1), 0) };
}

export function monthRange(month: CalendarMonth): DateRange {
  return dateRange(`${month}-01`, lastDayOfMonth(month));
}
