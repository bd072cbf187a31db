// R18, R19: when each report is due, and which were handed to the city.
export { reportKindSchema, type ReportDeadline, type ReportKind } from "./compute-report-deadlines";
export { listReportDeadlines, type DeadlineStatus, type ReportDeadlineState } from "./list-report-deadlines";
export { ReportDeadlineError } from "./errors";
export { markReportSubmitted } from "./mark-report-submitted";
