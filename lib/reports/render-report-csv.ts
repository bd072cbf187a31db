import type { AuditHead } from "@/lib/audit";
import { csvSafeCell } from "@/lib/csv";
import { auditHeadLine, reportHeading } from "./report-heading";
import { formatCell, reportTables, type Cell } from "./report-tables";
import type { Report } from "./schemas";

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
/**
 * Text cells (所見, cover fields, admin-named categories) are typed by people: one that starts like a
 * formula stays text in Excel. Figures and the "none" mark are the product's own and go as they are.
 */
const line = (cells: readonly Cell[]) => cells.map((cell) => quote(typeof cell === "string" ? csvSafeCell(cell) : formatCell(cell))).join(",");

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Shift_JIS and
 * garbles Japanese), CRLF line ends, the heading, then each table under its title, a blank line apart,
 * and last the audit head the export was made at.
 */
export function renderReportCsv(report: Report, auditHead: AuditHead): string {
  const heading = reportHeading(report);
  const blocks = [[heading.title, ...heading.lines].map((text) => line([text])).join("\r\n")];
  for (const table of reportTables(report)) blocks.push([line([table.title]), line(table.columns), ...table.rows.map(line)].join("\r\n"));
  blocks.push(line([auditHeadLine(auditHead)]));
  return `\uFEFF${blocks.join("\r\n\r\n")}\r\n`;
}
