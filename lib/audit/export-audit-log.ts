import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db";
import { now } from "@/lib/clock";
import { csvSafeCell } from "@/lib/csv";
import { ja } from "@/lib/i18n/ja";
import { appendAudit } from "./append-audit";
import { digestExportedFile } from "./digest-exported-file";
import { auditFilterSchema, type AuditFilter } from "./audit-filter";
import { describeAuditRows, selectAuditRows } from "./audit-rows";
import { formatAuditTime } from "./describe-audit-entry";

export interface AuditLogExport {
  filename: string;
  title: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

/** The day in Japan, for the file name. */
const formatInTimeZone = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * The filtered log as the screen reads it (names, Japanese actions, details as lines), as UTF-8 CSV with a BOM
 * so Excel opens it. The download is itself audited, with its filter and row count, before the file is made.
 */
export async function exportAuditLog(db: Db, input: Partial<AuditFilter>, actor: { id: string; loginId: string }): Promise<AuditLogExport> {
  const filter = auditFilterSchema.parse(input);
  const rows = await describeAuditRows(db, await selectAuditRows(db, filter));
  const narrowedBy = { action: filter.action ?? null, person: filter.personId ?? null, fromDay: filter.from ?? null, toDay: filter.to ?? null, words: filter.q ?? null };
  const h = ja.audit.csvHeaders;
  const text = stringify(
    rows.map((r) => [String(r.seq), formatAuditTime(r.at), r.actor, r.action, r.target, r.details.map((d) => `${d.label}: ${d.value}`).join(" / ")].map(csvSafeCell)),
    { bom: true, header: true, columns: [h.seq, h.at, h.actor, h.action, h.target, h.details], record_delimiter: "\r\n" },
  );
  const body = Buffer.from(text, "utf8");
  await appendAudit(db, { action: "audit.exported", actor, details: { ...narrowedBy, format: "csv", rows: rows.length, sha256: digestExportedFile(body) } });
  const stamp = formatInTimeZone(now());
  return { filename: `soudan-audit-${stamp}.csv`, title: `${ja.audit.csvTitle}_${stamp}.csv`, contentType: "text/csv; charset=utf-8", body, rows: rows.length };
}
