import type { DbOrTx } from "@/db";
import { loadReportCover } from "./load-report-cover";
import { ja } from "@/lib/i18n/ja";
import { countReceptionByDay, emptyReception, sumReception } from "./count-reception";
import { loadReportSchedule, staffedDates } from "./load-report-schedule";
import { datesBetween, monthRange } from "@/lib/calendar";
import { dayLabel, monthLabel, reportMonthSchema } from "./period";
import type { MonthlyReception } from "./schemas";

/** 月例受付状況 (R18): every day of the month, staffed or not, with every contact received that day. */
export async function buildMonthlyReception(db: DbOrTx, options: { month: string; municipality?: string | null; at: Date }): Promise<MonthlyReception> {
  const month = reportMonthSchema.parse(options.month);
  const range = monthRange(month);
  const { plans, sessions, outsideServicePeriod } = await loadReportSchedule(db, range);
  const staffed = staffedDates(plans);
  const { days: byDay, youths } = await countReceptionByDay(db, range, sessions);
  const days = datesBetween(range.from, range.to).map((date) => ({
    key: date,
    label: dayLabel(date),
    staffedDays: staffed.has(date) ? 1 : 0,
    ...(byDay.get(date) ?? emptyReception()),
  }));
  return {
    kind: "monthly_reception",
    month,
    title: ja.reports.titles.monthly_reception,
    municipality: options.municipality ?? null,
    from: range.from,
    to: range.to,
    periodLabel: monthLabel(month),
    generatedAt: options.at.toISOString(),
    outsideServicePeriod,
    cover: await loadReportCover(db, { municipality: options.municipality ?? null }),
    days,
    total: {
      key: "total",
      label: ja.reports.labels.total,
      staffedDays: days.reduce((n, d) => n + d.staffedDays, 0),
      ...sumReception(days),
      youths,
    },
  };
}
