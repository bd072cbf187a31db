import type { DbOrTx } from "@/db";
import { loadReportCover } from "./load-report-cover";
import { loadReportRemarks } from "./load-report-remarks";
import { ja } from "@/lib/i18n/ja";
import { countBreakdowns } from "./count-breakdowns";
import { countDetails } from "./count-details";
import { countSurvey } from "./count-survey";
import { countYouthAttributes } from "./count-youth-attributes";
import { fiscalYearRange } from "./fiscal-year-range";
import { loadReportSchedule } from "./load-report-schedule";
import { monthsBetween } from "@/lib/calendar";
import { dateLabel, fiscalYearLabel } from "./period";
import type { AnnualReport } from "./schemas";
import { summarizeByMonth, summarizeConsultations } from "./summarize-consultations";

export interface AnnualOptions {
  /** The fiscal year by its starting calendar year: 2024 is April 2024 to March 2025. */
  fiscalYear: number;
  municipality?: string | null;
  /** When it is generated, printed on it. */
  at: Date;
}

/** 年度報告書 (R19): the monthly report's figures over the service period within the fiscal year, and month by month. */
export async function buildAnnualReport(db: DbOrTx, options: AnnualOptions): Promise<AnnualReport> {
  const range = await fiscalYearRange(db, options.fiscalYear);
  const { plans, sessions, outsideServicePeriod } = await loadReportSchedule(db, range);
  const summary = await summarizeConsultations(db, range, sessions);
  return {
    kind: "annual",
    fiscalYear: options.fiscalYear,
    title: ja.reports.titles.annual,
    municipality: options.municipality ?? null,
    from: range.from,
    to: range.to,
    periodLabel: `${fiscalYearLabel(options.fiscalYear)} ${dateLabel(range.from)}〜${dateLabel(range.to)}`,
    generatedAt: options.at.toISOString(),
    outsideServicePeriod,
    cover: await loadReportCover(db, { municipality: options.municipality ?? null }),
    summary,
    remarks: (await loadReportRemarks(db, String(options.fiscalYear)))?.body ?? null,
    ...(await countDetails(db, range, plans, summary.consultations)),
    byMonth: await summarizeByMonth(db, range, sessions, monthsBetween(range.from, range.to)),
    ...(await countBreakdowns(db, range)),
    ...(await countYouthAttributes(db, range)),
    survey: await countSurvey(db, range),
  };
}
