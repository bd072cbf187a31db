// Reports for the city: plain data built by SQL over consultations, their stored timings
// and records; renderers turn any report into PDF, .xlsx or CSV.
export { buildMonthlyReport, type MonthlyOptions } from "./build-monthly-report";
export { buildAnnualReport, type AnnualOptions } from "./build-annual-report";
export { buildDailyWorkLog } from "./build-daily-work-log";
export { buildMonthlyReception } from "./build-monthly-reception";
export { buildAnnualReception } from "./build-annual-reception";
export { defaultMonth, reportRequestSchema, resolveReportQuery, type ReportRequest } from "./build-report";
export { exportReport, ReportOutsideServicePeriodError, type ExportedReport } from "./export-report";
export { FAMILY as PDF_FONT_FAMILY, registerFonts as registerPdfFonts } from "./pdf-font";
export { reportTables, formatCell, minutes, type Cell, type ReportTable } from "./report-tables";
export { reportHeading } from "./report-heading";
export { choiceLabel, type ChoiceField } from "./labels";
export { fiscalYearLabel, monthLabel, reportMonthSchema, fiscalYearSchema } from "./period";
export * from "./schemas";
export { recordFollowerSnapshot } from "./record-follower-snapshot";
export { reportCoverSchema, type ReportCover } from "./cover-schema";
export { loadReportCover } from "./load-report-cover";
export { saveReportCover } from "./save-report-cover";
export { loadReportRemarks, type ReportRemarks } from "./load-report-remarks";
export { saveReportRemarks, REMARKS_MAX, type SaveRemarksResult } from "./save-report-remarks";
export { findRemarkWarnings, type RemarkWarning } from "./find-remark-warnings";
