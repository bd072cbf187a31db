import { z } from "zod";
import { addCalendarDays, findNationalHoliday, instantAt, weekdayOf, type CalendarDate } from "@/lib/schedule";

export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM の形式で指定してください。");
export const fiscalYearSchema = z.number().int().min(2000).max(2100);

/** JST calendar dates, both inclusive, and the instants [start, end) they span. */
export interface ReportRange {
  from: CalendarDate;
  to: CalendarDate;
  start: Date;
  end: Date;
}

export function rangeOf(from: CalendarDate, to: CalendarDate): ReportRange {
  return { from, to, start: instantAt(from, 0), end: instantAt(addCalendarDays(to, 1), 0) };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function monthRange(month: string): ReportRange {
  const [year, m] = reportMonthSchema.parse(month).split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return rangeOf(`${month}-01`, `${month}-${pad(last)}`);
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = reportMonthSchema.parse(month).split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The months "YYYY-MM" that [from, to] touches, in order. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** 年度: April to March; fiscal year 2024 is 2024-04-01 to 2025-03-31. */
export function fiscalYearDates(fiscalYear: number): { from: CalendarDate; to: CalendarDate } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

/** The fiscal year a JST date falls in. */
export function fiscalYearOf(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

export function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${year}年${m}月`;
}

/** 「2024年度（令和6年度）」: municipal documents name the fiscal year by the era. */
export function fiscalYearLabel(fiscalYear: number): string {
  return `${fiscalYear}年度（令和${fiscalYear - 2018}年度）`;
}

export function dateLabel(date: CalendarDate): string {
  const [year, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${year}年${m}月${d}日`;
}

const WEEKDAY_CHARS = "日月火水木金土";

/** 「8月12日(月・祝)」 */
export function dayLabel(date: CalendarDate): string {
  const [, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${m}月${d}日(${WEEKDAY_CHARS[weekdayOf(date)]}${findNationalHoliday(date) ? "・祝" : ""})`;
}

/** Every JST date from `from` to `to`, both included. */
export function datesBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}
