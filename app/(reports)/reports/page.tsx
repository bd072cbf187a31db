import Link from "next/link";
import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { CoverSettingsForm } from "@/components/reports/CoverSettingsForm";
import { ReportDeadlines } from "@/components/reports/ReportDeadlines";
import { reportPaths } from "@/components/reports/ReportView";
import { secondaryButtonClass } from "@/components/ui/styles";
import { getDb } from "@/app/_server/database";
import { canStaff } from "@/lib/auth";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { listReportDeadlines } from "@/lib/report-deadlines";
import { fiscalYearOf } from "@/lib/calendar";
import { getConfig } from "@/lib/config";
import { defaultMonth, fiscalYearLabel, loadReportCover, monthLabel } from "@/lib/reports";

export const dynamic = "force-dynamic";

const t = ja.reports;

export default async function Page() {
  const { staff } = await requireStaff("reports.view");
  const month = defaultMonth(now());
  const fiscalYear = fiscalYearOf(`${month}-01`);
  const db = await getDb();
  const deadlines = await listReportDeadlines(db, { at: now() });
  const cover = canStaff(staff, "reports.configure") ? await loadReportCover(db, { municipality: getConfig().SOUDAN_MUNICIPALITY_NAME ?? null }) : null;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.page.title}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t.page.intro}</p>
      <div className="mt-6 max-w-4xl">
        <ReportDeadlines deadlines={deadlines} canMark={canStaff(staff, "reports.mark_submitted")} />
      </div>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="monthly-reports" className="rounded-md border border-slate-200 bg-white p-4">
          <h2 id="monthly-reports" className="text-lg font-semibold">
            {t.page.monthlyGroup}（{monthLabel(month)}）
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {(["monthly", "daily_log", "monthly_reception"] as const).map((kind) => (
              <li key={kind}>
                <Link href={`${reportPaths[kind]}?month=${month}`} className={secondaryButtonClass}>
                  {t.titles[kind]}
                </Link>
              </li>
            ))}
          </ul>
          <form method="get" action={reportPaths.monthly} className="mt-4 flex items-end gap-2">
            <label className="text-sm">
              <span className="block text-slate-700">{t.page.month}</span>
              <input name="month" type="month" defaultValue={month} pattern="\d{4}-\d{2}" className="mt-1 rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <button type="submit" className={secondaryButtonClass}>
              {t.page.show}
            </button>
          </form>
        </section>
        <section aria-labelledby="annual-reports" className="rounded-md border border-slate-200 bg-white p-4">
          <h2 id="annual-reports" className="text-lg font-semibold">
            {t.page.annualGroup}（{fiscalYearLabel(fiscalYear)}）
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {(["annual", "annual_reception"] as const).map((kind) => (
              <li key={kind}>
                <Link href={`${reportPaths[kind]}?year=${fiscalYear}`} className={secondaryButtonClass}>
                  {t.titles[kind]}
                </Link>
              </li>
            ))}
          </ul>
          <form method="get" action={reportPaths.annual} className="mt-4 flex items-end gap-2">
            <label className="text-sm">
              <span className="block text-slate-700">{t.page.fiscalYear}</span>
              <input name="year" type="number" min={2000} max={2100} defaultValue={fiscalYear} className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1" />
            </label>
            <button type="submit" className={secondaryButtonClass}>
              {t.page.show}
            </button>
          </form>
        </section>
      </div>
      {cover && (
        <section aria-labelledby="cover-settings" className="mt-6 rounded-md border border-slate-200 bg-white p-4">
          <h2 id="cover-settings" className="text-lg font-semibold">
            {t.cover.title}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t.cover.intro}</p>
          <div className="mt-3">
            <CoverSettingsForm
              initial={{ addressee: cover.addressee, businessName: cover.businessName, contractor: cover.contractor, manager: cover.manager }}
              saved={cover.version !== null}
            />
          </div>
        </section>
      )}
    </StaffShell>
  );
}
