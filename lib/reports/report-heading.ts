import type { AuditHead } from "@/lib/audit";
import { calendarDateOf } from "@/lib/calendar";
import { ja } from "@/lib/i18n/ja";
import { eraDate, eraFiscalYear, eraMonth } from "./japanese-era";
import { dateLabel } from "./period";
import type { Report } from "./schemas";

export interface CoverBlock {
  /** 「武雄市長 様」; null until an addressee is configured. */
  addressee: string | null;
  /** 「武雄市子ども・若者相談ほっとLINE事業 月例報告書」 */
  documentTitle: string;
  /** 「令和6年8月分（2024年8月1日〜2024年8月31日）」 */
  period: string;
  /** 「提出日 令和6年9月5日」 */
  submittedOn: string;
  /** 「受託者 …」, 「業務責任者 …」: the configured ones only. */
  signatories: string[];
}

/** The cover block every format carries: to whom, which business and period, from whom, on which day (和暦 and 西暦). */
export function reportCover(report: Report): CoverBlock {
  const c = ja.reports.cover;
  const era = "month" in report ? eraMonth(report.month) : `${eraFiscalYear(report.fiscalYear)}度`;
  const { addressee, businessName, contractor, manager } = report.cover;
  return {
    addressee: addressee ? `${addressee} ${c.honorific}` : null,
    documentTitle: [businessName, report.title].filter(Boolean).join(" "),
    period: c.periodLine(era, `${dateLabel(report.from)}〜${dateLabel(report.to)}`),
    submittedOn: `${c.submittedOn} ${eraDate(calendarDateOf(new Date(report.generatedAt)))}`,
    signatories: [contractor && `${c.contractorLine} ${contractor}`, manager && `${c.managerLine} ${manager}`].filter((line): line is string => Boolean(line)),
  };
}

/** The lines every format puts above the tables: the cover block, then when it was made (JST). */
export function reportHeading(report: Report): { title: string; lines: string[] } {
  const h = ja.reports.header;
  const cover = reportCover(report);
  const generated = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" }).format(new Date(report.generatedAt));
  return {
    title: `${report.title}（${report.periodLabel}）`,
    lines: [
      ...(cover.addressee ? [cover.addressee] : []),
      ...(report.cover.businessName ? [report.cover.businessName] : []),
      `${h.period}: ${cover.period}`,
      cover.submittedOn,
      ...cover.signatories,
      `${h.generatedAt}: ${generated}`,
    ],
  };
}

/**
 * The audit chain's head the export was made at, for the footer: a later audit:verify (and the
 * checkpoints) can show that the log still holds that row, so a printed report is tied to the log.
 */
export function auditHeadLine(head: AuditHead): string {
  return ja.reports.header.auditHead.replace("{seq}", String(head.seq)).replace("{hash}", head.hash.slice(0, 12));
}
