import type { DbOrTx } from "@/db";
import { loadReportCover } from "./load-report-cover";
import { ja } from "@/lib/i18n/ja";
import { countReceptionByDay, countYouthsWriting, sumReception } from "./count-reception";
import { fiscalYearRange } from "./fiscal-year-range";
import { loadReportSchedule, staffedDates } from "./load-report-schedule";
import { dateRange, datesBetween, monthRange, monthsBetween } from "@/lib/calendar";
import { dateLabel, fiscalYearLabel, monthLabel } from "./period";
import type { AnnualReception, ReceptionRow } from "./schemas";

/**
 * 年度受付状況 (R19): the reception status month by month over the service period within the fiscal
 * year. Each month is counted on its own (its own staffed sessions), then the year is their sum,
 * except the distinct youth, which are counted over the whole span.
 */
export async function buildAnnualReception(db: DbOrTx, options: { fiscalYear: number; municipality?: string | null; at: Date }): Promise<AnnualReception> {
  const range = await fiscalYearRange(db, options.fiscalYear);
  const { plans, sessions: all, outsideServicePeriod } = await loadReportSchedule(db, range);
  const staffed = staffedDates(plans);
  const months: ReceptionRow[] = [];
  for (const month of monthsBetween(range.from, range.to)) {
    const whole = monthRange(month);
    const slice = dateRange(whole.from < range.from ? range.from : whole.from, whole.to > range.to ? range.to : whole.to);
    const sessions = all.filter((s) => s.end > slice.start && s.start < slice.end);
    const { days, youths } = await countReceptionByDay(db, slice, sessions);
    months.push({
      key: month,
      label: monthLabel(month),
      staffedDays: datesBetween(slice.from, slice.to).filter((date) => staffed.has(date)).length,
      ...sumReception([...days.values()]),
      youths,
    });
  }
  return {
    kind: "annual_reception",
    fiscalYear: options.fiscalYear,
    title: ja.reports.titles.annual_reception,
    municipality: options.municipality ?? null,
    from: range.from,
    to: range.to,
    periodLabel: `${fiscalYearLabel(options.fiscalYear)} ${dateLabel(range.from)}〜${dateLabel(range.to)}`,
    generatedAt: options.at.toISOString(),
    outsideServicePeriod,
    cover: await loadReportCover(db, { municipality: options.municipality ?? null }),
    months,
    total: {
      key: "total",
      label: ja.reports.labels.total,
      staffedDays: months.reduce((n, m) => n + m.staffedDays, 0),
      ...sumReception(months),
      youths: await countYouthsWriting(db, range),
    },
  };
}
