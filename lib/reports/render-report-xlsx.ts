import ExcelJS from "exceljs";
import { ja } from "@/lib/i18n/ja";
import type { AuditHead } from "@/lib/audit";
import { auditHeadLine, reportHeading } from "./report-heading";
import { reportTables } from "./report-tables";
import type { Report } from "./schemas";

/**
 * The report as an Excel workbook: one sheet per table under its Japanese name, the heading in the
 * first rows, numbers as numbers (so staff can sum and chart them), A4 with page numbers and the audit
 * head the export was made at in the printed footer.
 */
export async function renderReportXlsx(report: Report, auditHead: AuditHead): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ja.appName;
  workbook.created = new Date(report.generatedAt);
  const heading = reportHeading(report);
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.sheetName, {
      pageSetup: { paperSize: 9, orientation: table.wide ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      headerFooter: { oddHeader: `&L${report.municipality ?? ""}&C${heading.title}`, oddFooter: `&L${auditHeadLine(auditHead)}&C&P / &N` },
    });
    sheet.addRow([heading.title]).font = { bold: true, size: 14 };
    sheet.addRow([heading.lines.join("　")]);
    sheet.addRow([table.title]).font = { bold: true };
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
      cell.border = { bottom: { style: "thin" } };
    });
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ja.reports.labels.none));
    if (table.totalRow) sheet.lastRow!.font = { bold: true };
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(...[table.columns[index] ?? "", ...table.rows.map((row) => String(row[index] ?? ""))].map((text) => [...text].length));
      column.width = Math.min(60, Math.max(8, widest * 2 + 2));
    });
    sheet.views = [{ state: "frozen", ySplit: 4 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
