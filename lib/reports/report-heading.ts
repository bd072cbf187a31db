import type { AuditHead } from "@/lib/audit";
import { ja } from "@/lib/i18n/ja";
import type { Report } from "./schemas";

/** The lines every format puts above the tables: title, municipality, period, when it was made (JST). */
export function reportHeading(report: Report): { title: string; lines: string[] } {
  const h = ja.reports.header;
  const generated = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" }).format(new Date(report.generatedAt));
  return {
    title: `${report.title}（${report.periodLabel}）`,
    lines: [...(report.municipality ? [`${h.municipality}: ${report.municipality}`] : []), `${h.period}: ${report.from}〜${report.to}`, `${h.generatedAt}: ${generated}`],
  };
}

/**
 * The audit chain's head the export was made at, for the footer: a later audit:verify (and the
 * checkpoints) can show that the log still holds that row, so a printed report is tied to the log.
 */
export function auditHeadLine(head: AuditHead): string {
  return ja.reports.header.auditHead.replace("{seq}", String(head.seq)).replace("{hash}", head.hash.slice(0, 12));
}
