import { z } from "zod";
import type { DbOrTx } from "@/db";
import { buildAnnualReception } from "./build-annual-reception";
import { buildAnnualReport } from "./build-annual-report";
import { buildDailyWorkLog } from "./build-daily-work-log";
import { buildMonthlyReception } from "./build-monthly-reception";
import { buildMonthlyReport } from "./build-monthly-report";
import { fiscalYearSchema, reportMonthSchema } from "./period";
import { reportKinds, type Report, type ReportKind } from "./schemas";

/** Which report for which period: a month "YYYY-MM" for the monthly kinds, a fiscal year "YYYY" for the annual ones. */
export const reportRequestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["monthly", "daily_log", "monthly_reception"]), period: reportMonthSchema }),
  z.object({ kind: z.enum(["annual", "annual_reception"]), period: z.string().regex(/^\d{4}$/, "YYYY の形式で指定してください。").transform(Number).pipe(fiscalYearSchema) }),
]);
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export const isAnnualKind = (kind: ReportKind) => kind === "annual" || kind === "annual_reception";
export { reportKinds };

/** Builds the requested report (the pages, the downloads and the command line all come through here). */
export async function buildReport(db: DbOrTx, request: ReportRequest, options: { municipality?: string | null } = {}): Promise<Report> {
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
