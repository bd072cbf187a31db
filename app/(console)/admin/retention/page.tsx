import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { StaffShell } from "@/components/console/StaffShell";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { listRetentionRuns, purgeKinds, retentionSettingsOf } from "@/lib/retention";

const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });

export default async function RetentionPage() {
  const { staff } = await requireStaff("retention.view");
  const settings = retentionSettingsOf(getConfig());
  const runs = await listRetentionRuns(await getDb());
  const t = ja.retention;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.intro}</p>
      <section aria-labelledby="settings" className="mt-6">
        <h2 id="settings" className="text-lg font-semibold">
          {t.settings}
        </h2>
        <dl className="mt-3 max-w-3xl divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm" data-testid="retention-settings">
          <div className="grid grid-cols-1 gap-1 p-3 md:grid-cols-2">
            <dt className="font-medium">{t.payload}</dt>
            <dd data-testid="payload-setting">{t.payloadValue(settings.payloadDays)}</dd>
          </div>
          <div className="grid grid-cols-1 gap-1 p-3 md:grid-cols-2">
            <dt className="font-medium">{t.content}</dt>
            <dd data-testid="content-setting">{t.contentValue(settings.contentMonths)}</dd>
          </div>
          <div className="grid grid-cols-1 gap-1 p-3 md:grid-cols-2">
            <dt className="font-medium">{t.unsend}</dt>
            <dd>{t.unsendValue}</dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-slate-600">{t.settingsNote}</p>
      </section>
      <section aria-labelledby="runs" className="mt-8">
        <h2 id="runs" className="text-lg font-semibold">
          {t.runs}
        </h2>
        <p className="text-sm text-slate-600">{t.runsNote}</p>
        {runs.length === 0 ? (
          <p className="mt-3 text-sm" data-testid="no-runs">
            {t.noRuns}
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto" role="region" aria-labelledby="runs" tabIndex={0}>
            <table className="min-w-full border-collapse bg-white text-sm" data-testid="retention-runs">
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="p-2 whitespace-nowrap">
                    {t.ranAt}
                  </th>
                  <th scope="col" className="p-2 whitespace-nowrap">
                    {t.trigger}
                  </th>
                  {purgeKinds.map((kind) => (
                    <th key={kind} scope="col" className="p-2 text-right">
                      {t.kinds[kind]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {runs.map((run, i) => (
                  <tr key={i} className="border-b align-top">
                    <td className="p-2 whitespace-nowrap">{timeFormat.format(run.ranAt)}</td>
                    <td className="p-2 whitespace-nowrap">{t.triggers[run.trigger]}</td>
                    {purgeKinds.map((kind) => (
                      <td key={kind} className="p-2 text-right tabular-nums whitespace-nowrap">
                        {t.count(run.counts[kind])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </StaffShell>
  );
}
