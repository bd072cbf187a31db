import type { Db } from "@/db";
import { appendAudit, digestExportedFile, readAuditHead } from "@/lib/audit";
import { buildReport, type ReportRequest } from "./build-report";
import { renderReportCsv } from "./render-report-csv";
import { renderReportPdf } from "./render-report-pdf";
import { renderReportXlsx } from "./render-report-xlsx";
import type { ReportFormat } from "./schemas";

const contentTypes: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** Nothing to report: no day of the period lies in a service period. */
export class ReportOutsideServicePeriodError extends Error {
  constructor() {
    super("report period outside every service period");
    this.name = "ReportOutsideServicePeriodError";
  }
}

export interface ExportedReport {
  body: Buffer;
  contentType: string;
  /** ASCII, for the Content-Disposition fallback and the command line: soudan-monthly-2024-08.pdf */
  filename: string;
  /** Japanese, for browsers that read filename*: 月例報告書_2024-08.pdf */
  title: string;
}

/**
 * A report file for download or scheduled sending. Every export is audited with who, which report,
 * which period and which format, and the file's SHA-256, so `npm run report -- verify FILE` can tell
 * later whether a file is one Soudan made. The file itself holds counts only, and names the audit head
 * it was made at (the row before its own report.exported).
 */
export async function exportReport(
  db: Db,
  request: ReportRequest & { format: ReportFormat },
  by: { actor: { id: string; loginId: string } } | { actorLabel: string },
  options: { municipality?: string | null; at: Date },
): Promise<ExportedReport> {
  const report = await buildReport(db, request, options);
  if (report.outsideServicePeriod) throw new ReportOutsideServicePeriodError();
  const head = await readAuditHead(db);
  const body =
    request.format === "pdf"
      ? await renderReportPdf(report, head)
      : request.format === "xlsx"
        ? await renderReportXlsx(report, head)
        : Buffer.from(renderReportCsv(report, head), "utf8");
  await appendAudit(db, {
    action: "report.exported",
    ...by,
    target: `report:${request.kind}:${request.period}`,
    details: {
      kind: request.kind,
      period: String(request.period),
      format: request.format,
      bytes: body.length,
      sha256: digestExportedFile(body),
    },
  });
  return {
    body,
    contentType: contentTypes[request.format],
    filename: `soudan-${request.kind.replace("_", "-")}-${request.period}.${request.format}`,
    title: `${report.title}_${request.period}.${request.format}`,
  };
}
