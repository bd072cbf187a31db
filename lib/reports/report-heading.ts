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
