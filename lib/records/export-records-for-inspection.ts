import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Db } from "@/db";
import { appendAudit, digestExportedFile } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { listSharingBases } from "@/lib/consents";
import { decryptField, type Keyring } from "@/lib/crypto";
import { labelRecordChoices, loadCurrentForm, type RecordLabels } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import { inspectionFilterSchema, type InspectionFilter } from "./inspection-filter";
import { selectInspectionRows } from "./inspection-rows";
import { recordColumns, type RecordWithText } from "./record-columns";

export const exportFormatSchema = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface RecordsExport {
  filename: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

const open = (keyring: Keyring, value: string | null) => (value === null ? null : decryptField(keyring, value));

/** Excel opens UTF-8 CSV as Shift_JIS unless the file starts with a byte order mark. */
function toCsv(records: RecordWithText[], choices: RecordLabels): Buffer {
  const columns = recordColumns(choices);
  const text = stringify([columns.map((c) => c.header), ...records.map((r) => columns.map((c) => c.value(r)))], { record_delimiter: "\r\n" });
  return Buffer.from(`\uFEFF${text}`, "utf8");
}

async function toXlsx(records: RecordWithText[], choices: RecordLabels): Promise<Buffer> {
  const columns = recordColumns(choices);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ja.records.sheetName);
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of records) sheet.addRow(columns.map((c) => c.value(r)));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * R20: every record of the filter, free text, consents and R10 exceptions included, as CSV (UTF-8 with BOM) or Excel. The export
 * is audited with its filter and row count before the file is handed over.
 */
export async function exportRecordsForInspection(db: Db, input: InspectionFilter & { format: ExportFormat }, actor: Actor, keyring: Keyring): Promise<RecordsExport> {
  const filter = inspectionFilterSchema.parse(input);
  const exportFormat = exportFormatSchema.parse(input.format);
  const selected = await selectInspectionRows(db, filter);
  const choices = labelRecordChoices((await loadCurrentForm(db, "record")).definition);
  const sharing = await listSharingBases(db, selected.map(({ row }) => row.consultationId), keyring);
  const records = selected.map(({ row, encrypted }) => ({
    ...row,
    contentSummary: open(keyring, encrypted.contentSummary),
    responseSummary: open(keyring, encrypted.responseSummary),
    emergencyNote: open(keyring, encrypted.emergencyNote),
    sharing: sharing.get(row.consultationId) ?? { consents: [], exceptions: [] },
  }));
  const base = `soudan-records-${filter.month}${filter.outcome ? `-${filter.outcome}` : ""}`;
  const file =
    exportFormat === "csv"
      ? { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(records, choices), rows: records.length }
      : { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await toXlsx(records, choices), rows: records.length };
  await appendAudit(db, {
    action: "records.exported",
    actor,
    details: { month: filter.month, outcome: filter.outcome ?? null, format: exportFormat, rows: records.length, sha256: digestExportedFile(file.body) },
  });
  return file;
}
