import { z } from "zod";
import { weekdayOf, type CalendarDate } from "@/lib/calendar";
import { findNationalHoliday } from "@/lib/schedule";

export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM の形式で指定してください。");
export const fiscalYearSchema = z.number().int().min(2000).max(2100);

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
