import { z } from "zod";
import type { DbOrTx } from "@/db";
import { buildAnnualReception } from "./build-annual-reception";
import { buildAnnualReport } from "./build-annual-report";
import { buildDailyWorkLog } from "./build-daily-work-log";
import { buildMonthlyReception } from "./build-monthly-reception";
import { buildMonthlyReport } from "./build-monthly-report";
import { calendarDateOf, fiscalYearOf, shiftMonth } from "@/lib/calendar";
import { ja } from "@/lib/i18n/ja";
import { fiscalYearSchema, reportMonthSchema } from "./period";
import { reportFormats, type Report } from "./schemas";

/** Which report for which period: a month "YYYY-MM" for the monthly kinds, a fiscal year "YYYY" for the annual ones. */
export const reportRequestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["monthly", "daily_log", "monthly_reception"]), period: reportMonthSchema }),
  z.object({ kind: z.enum(["annual", "annual_reception"]), period: z.string().regex(/^\d{4}$/, ja.reports.errors.year).transform(Number).pipe(fiscalYearSchema) }),
]);
export type ReportRequest = z.infer<typeof reportRequestSchema>;


/** Builds the requested report (the pages, the downloads and the command line all come through here). */
export async function buildReport(db: DbOrTx, request: ReportRequest, options: { municipality?: string | null; at: Date }): Promise<Report> {
  switch (request.kind) {
    case "monthly":
      return buildMonthlyReport(db, { month: request.period, ...options });
    case "daily_log":
      return buildDailyWorkLog(db, { month: request.period, ...options });
    case "monthly_reception":
      return buildMonthlyReception(db, { month: request.period, ...options });
    case "annual":
      return buildAnnualReport(db, { fiscalYear: request.period, ...options });
    case "annual_reception":
      return buildAnnualReception(db, { fiscalYear: request.period, ...options });
  }
}

/**
 * A report request from a query string (?kind=&period=&format=), with the defaults a person expects:
 * the monthly report of the month just ended (the one due by the 10th), in PDF; for the annual
 * kinds, the fiscal year that month belongs to.
 */
export function resolveReportQuery(query: { kind?: string | null; period?: string | null; format?: string | null }, at: Date) {
  const due = defaultMonth(at);
  const kind = query.kind || "monthly";
  const annual = kind === "annual" || kind === "annual_reception";
  const request = reportRequestSchema.safeParse({ kind, period: query.period || (annual ? String(fiscalYearOf(`${due}-01`)) : due) });
  const format = z.enum(reportFormats).safeParse(query.format || "pdf");
  if (!request.success || !format.success) return null;
  return { ...request.data, format: format.data };
}

/** The month a report page opens on: the one that just ended, whose reports are due by the 10th (R18). */
export function defaultMonth(at: Date): string {
  return shiftMonth(calendarDateOf(at).slice(0, 7), -1);
}
