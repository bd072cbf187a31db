import Link from "next/link";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { formatCell, reportHeading, reportTables, type Report, type ReportKind } from "@/lib/reports";
import { ReportTableView } from "./ReportTableView";

const t = ja.reports;

/** Where each report lives, in the order the tabs show them. */
export const reportPaths: Record<ReportKind, string> = {
  monthly: "/reports/monthly",
  daily_log: "/reports/daily-log",
  monthly_reception: "/reports/reception",
  annual: "/reports/annual",
  annual_reception: "/reports/annual-reception",
};

const monthlyKinds: ReportKind[] = ["monthly", "daily_log", "monthly_reception"];
const annualKinds: ReportKind[] = ["annual", "annual_reception"];

export interface ReportNavigation {
  /** "2024-08" or "2024". */
  period: string;
  previous: string;
  next: string;
}

/** A report as a page: which report and period, downloads, then every table with its chart. */
export function ReportView({ report, navigation, remarks }: { report: Report; navigation: ReportNavigation; remarks?: React.ReactNode }) {
  const annual = report.kind === "annual" || report.kind === "annual_reception";
  const param = annual ? "year" : "month";
  const heading = reportHeading(report);
  const kinds = annual ? annualKinds : monthlyKinds;
  return (
    <article>
      <p className="text-sm">
        <Link href="/reports" className="text-brand-700 underline">
          {t.page.back}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{heading.title}</h1>
      <ul className="mt-1 text-sm text-slate-600">
        {heading.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-600">{t.page.readOnly}</p>

      <nav aria-label={t.page.title} className="mt-4 flex flex-wrap gap-2">
        {kinds.map((kind) => (
          <Link
            key={kind}
            href={`${reportPaths[kind]}?${param}=${navigation.period}`}
            aria-current={kind === report.kind ? "page" : undefined}
            className={`${secondaryButtonClass} aria-[current=page]:border-brand-600 aria-[current=page]:font-semibold`}
          >
            {t.titles[kind]}
          </Link>
        ))}
      </nav>

      <div className="mt-4 flex flex-wrap items-end gap-3">
        <Link href={`?${param}=${navigation.previous}`} className={secondaryButtonClass} rel="prev">
          ← {navigation.previous}
        </Link>
        <form method="get" className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block text-slate-700">{annual ? t.page.fiscalYear : t.page.month}</span>
            {annual ? (
              <input name="year" type="number" min={2000} max={2100} defaultValue={navigation.period} className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1" />
            ) : (
              <input name="month" type="month" defaultValue={navigation.period} pattern="\d{4}-\d{2}" className="mt-1 rounded-md border border-slate-300 px-2 py-1" />
            )}
          </label>
          <button type="submit" className={secondaryButtonClass}>
            {t.page.show}
          </button>
        </form>
        <Link href={`?${param}=${navigation.next}`} className={secondaryButtonClass} rel="next">
          {navigation.next} →
        </Link>
      </div>

      {report.outsideServicePeriod ? (
        <section role="status" aria-labelledby="outside-title" className="mt-6 max-w-3xl rounded-md border border-amber-300 bg-amber-50 p-4">
          <h2 id="outside-title" className="font-semibold text-amber-900">
            {t.outside.title}
          </h2>
          <p className="mt-1 text-sm text-amber-900">{t.outside.body}</p>
        </section>
      ) : (
        <ReportBody report={report} period={navigation.period} remarks={remarks} />
      )}
    </article>
  );
}

/** Downloads, the 所見 (editor or text), then every table with its chart. */
function ReportBody({ report, period, remarks }: { report: Report; period: string; remarks?: React.ReactNode }) {
  const tables = reportTables(report);
  const written = tables.find((table) => table.key === "remarks");
  return (
    <>
      <section aria-labelledby="downloads" className="mt-4">
        <h2 id="downloads" className="text-sm font-semibold text-slate-700">
          {t.page.download}
        </h2>
        <ul className="mt-1 flex flex-wrap gap-2">
          {(["pdf", "xlsx", "csv"] as const).map((format) => (
            <li key={format}>
              <a href={`/api/reports/export?kind=${report.kind}&period=${period}&format=${format}`} className={secondaryButtonClass} download>
                {t.page.formats[format]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      {remarks ??
        (written && (
          <section aria-labelledby="remarks-title" className="mt-6 max-w-3xl">
            <h2 id="remarks-title" className="text-lg font-semibold">
              {written.title}
            </h2>
            <p className="mt-2 whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 text-sm">{formatCell(written.rows[0]?.[0] ?? null)}</p>
          </section>
        ))}

      {tables
        .filter((table) => table.key !== "remarks")
        .map((table) => (
          <ReportTableView key={table.key} table={table} />
        ))}
    </>
  );
}
