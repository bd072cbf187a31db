import type { CalendarDate } from "./tokyo";

/** 年度, the Japanese fiscal year (April to March), named by the year it starts in. */
export function fiscalYearOf(date: CalendarDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/** Fiscal year 2024 is 2024-04-01 to 2025-03-31. */
export function fiscalYearDates(fiscalYear: number): { from: CalendarDate; to: CalendarDate } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}
