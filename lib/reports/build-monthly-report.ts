import type { DbOrTx } from "@/db";
import { loadReportCover } from "./load-report-cover";
import { loadReportRemarks } from "./load-report-remarks";
import { ja } from "@/lib/i18n/ja";
import { countBreakdowns } from "./count-breakdowns";
import { countDetails } from "./count-details";
import { countSurvey } from "./count-survey";
import { countYouthAttributes } from "./count-youth-attributes";
import { loadReportSchedule } from "./load-report-schedule";
import { monthRange, shiftMonth } from "@/lib/calendar";
import { monthLabel, reportMonthSchema } from "./period";
import type { MonthlyReport } from "./schemas";
import { summarizeConsultations } from "./summarize-consultations";

export interface MonthlyOptions {
  /** "YYYY-MM", a JST calendar month. */
  month: string;
  /** Named in the header; null leaves it out. */
  municipality?: string | null;
  /** When it is generated, printed on it. */
  at: Date;
}

/**
 * 月例報告書: the consultations received in a JST calendar month, counted by the categories
 * municipal and national reports use, with waiting and response times and the previous month beside.
 */
export async function buildMonthlyReport(db: DbOrTx, options: MonthlyOptions): Promise<MonthlyReport> {
  const month = reportMonthSchema.parse(options.month);
  const range = monthRange(month);
  const previousMonth = shiftMonth(month, -1);
  const previousRange = monthRange(previousMonth);
  const { plans, sessions, outsideServicePeriod } = await loadReportSchedule(db, range);
  const { sessions: previousSessions } = await loadReportSchedule(db, previousRange);
  const summary = await summarizeConsultations(db, range, sessions);
  return {
    kind: "monthly",
    month,
    title: ja.reports.titles.monthly,
    municipality: options.municipality ?? null,
    from: range.from,
    to: range.to,
    periodLabel: monthLabel(month),
    generatedAt: options.at.toISOString(),
    outsideServicePeriod,
    cover: await loadReportCover(db, { municipality: options.municipality ?? null }),
    summary,
    remarks: (await loadReportRemarks(db, month))?.body ?? null,
    ...(await countDetails(db, range, plans, summary.consultations)),
    previous: { month: previousMonth, periodLabel: monthLabel(previousMonth), summary: await summarizeConsultations(db, previousRange, previousSessions) },
    ...(await countBreakdowns(db, range)),
    ...(await countYouthAttributes(db, range)),
    survey: await countSurvey(db, range),
  };
}
