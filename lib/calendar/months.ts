import { addMonths, format, lastDayOfMonth as lastDayOf } from "date-fns";
import { z } from "zod";
import { startOfCalendarDate, type CalendarDate } from "./tokyo";

/** A calendar month in Japan, "YYYY-MM". */
export type CalendarMonth = string;

export const calendarMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const firstDayOf = (month: CalendarMonth) => startOfCalendarDate(`${calendarMonthSchema.parse(month)}-01`);

export const monthOf = (date: CalendarDate): CalendarMonth => date.slice(0, 7);

/** The month `by` months after `month` (before it when negative). */
export function shiftMonth(month: CalendarMonth, by: number): CalendarMonth {
  return format(addMonths(firstDayOf(month), by), "yyyy-MM");
}

export function lastDayOfMonth(month: CalendarMonth): CalendarDate {
  return format(lastDayOf(firstDayOf(month)), "yyyy-MM-dd");
}

/** The months that the dates [from, to] touch, in order. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = shiftMonth(month, 1)) months.push(month);
  return months;
}
