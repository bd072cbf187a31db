import { z } from "zod";
import { weekdayOf, type CalendarDate } from "@/lib/calendar";
import { ja } from "@/lib/i18n/ja";
import { findNationalHoliday } from "@/lib/schedule";
import { eraFiscalYear } from "./japanese-era";

const t = ja.reports.periods;

export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, ja.reports.errors.month);
export const fiscalYearSchema = z.number().int().min(2000).max(2100);

export function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return t.month(year, m);
}

/** 「2024年度（令和6年度）」: municipal documents name the fiscal year by the era. */
export function fiscalYearLabel(fiscalYear: number): string {
  return t.fiscalYear(fiscalYear, eraFiscalYear(fiscalYear));
}

export function dateLabel(date: CalendarDate): string {
  const [year, m, d] = date.split("-").map(Number) as [number, number, number];
  return t.date(year, m, d);
}

/** 「8月12日(月・祝)」 */
export function dayLabel(date: CalendarDate): string {
  const [, m, d] = date.split("-").map(Number) as [number, number, number];
  return t.day(m, d, t.weekdays[weekdayOf(date)]!, findNationalHoliday(date) !== null);
}
