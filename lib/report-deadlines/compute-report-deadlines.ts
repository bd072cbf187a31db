import { z } from "zod";
import { addCalendarDays, fiscalYearDates, fiscalYearOf, lastDayOfMonth, monthsBetween, shiftMonth } from "@/lib/calendar";

const earlier = (a: string, b: string) => (a <= b ? a : b);
const later = (a: string, b: string) => (a >= b ? a : b);

/** The reports the contract asks for (仕様書 12(2), 12(3)); labels live in ja.deadlines.kinds. */
export const monthlyReportKinds = ["monthly_report", "daily_log", "monthly_reception"] as const;
export const annualReportKinds = ["annual_report", "annual_reception"] as const;
export const reportKindSchema = z.enum([...monthlyReportKinds, ...annualReportKinds]);
export type ReportKind = z.infer<typeof reportKindSchema>;

export interface ReportDeadline {
  kind: ReportKind;
  /** "2024-08" for the monthly kinds, the fiscal year "2024" (April 2024 – March 2025) for the annual ones. */
  period: string;
  /** The JST calendar day by which it is due, inclusive: "2024-09-10". */
  dueDate: string;
  /** The days of the service period the report covers, inclusive. */
  covers: { from: string; to: string };
}

/**
 * Every report deadline of a service period (R18, R19): for each calendar month it touches, the three
 * monthly reports by the 10th of the next month; for each fiscal year it touches, the two annual reports
 * by the earlier of 30 days after the service ends (within that fiscal year) and the next 4/10.
 */
export function computeReportDeadlines(servicePeriod: { from: string; to: string }): ReportDeadline[] {
  const deadlines: ReportDeadline[] = [];
  for (const month of monthsBetween(servicePeriod.from, servicePeriod.to)) {
    const covers = { from: later(`${month}-01`, servicePeriod.from), to: earlier(lastDayOfMonth(month), servicePeriod.to) };
    const dueDate = `${shiftMonth(month, 1)}-10`;
    for (const kind of monthlyReportKinds) deadlines.push({ kind, period: month, dueDate, covers });
  }
  for (let year = fiscalYearOf(servicePeriod.from); year <= fiscalYearOf(servicePeriod.to); year++) {
    const fiscalYear = fiscalYearDates(year);
    const covers = { from: later(fiscalYear.from, servicePeriod.from), to: earlier(fiscalYear.to, servicePeriod.to) };
    const dueDate = earlier(addCalendarDays(covers.to, 30), `${year + 1}-04-10`);
    for (const kind of annualReportKinds) deadlines.push({ kind, period: String(year), dueDate, covers });
  }
  return deadlines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period));
}
