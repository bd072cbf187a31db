import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { listFailedInboxEvents, summarizeLineChannel } from "@/lib/line";

const timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });

function Stat({ label, value, testId, alert = false }: { label: string; value: number; testId: string; alert?: boolean }) {
  return (
    <div className={`rounded-md border p-4 ${alert && value > 0 ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>
        {value.toLocaleString("ja-JP")}
        <span className="ml-1 text-sm font-normal">{ja.lineAdmin.count}</span>
      </dd>
    </div>
  );
}

export default async function LineAdminPage() {
  const { staff } = await requireStaff("line.monitor");
  const db = await getDb();
  const summary = await summarizeLineChannel(db, now());
  const failedEvents = await listFailedInboxEvents(db);
  const t = ja.lineAdmin;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <section aria-labelledby="quota" className="mt-6" data-testid="quota">
        <h2 id="quota" className="text-lg font-semibold">
          {t.quota}
        </h2>
        <p className="text-sm text-slate-600">{t.quotaNote}</p>
        {summary.quota ? (
          <dl className={`mt-3 grid max-w-3xl grid-cols-2 gap-3 md:grid-cols-4 ${(summary.quota.percent ?? 0) >= 80 ? "text-red-800" : ""}`}>
            <div className="rounded-md border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{t.quotaUsed}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid="quota-used">
                {summary.quota.used.toLocaleString("ja-JP")}
              </dd>
            </div>
            <div className="rounded-md border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{t.quotaLimit}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid="quota-limit">
                {summary.quota.limit === null ? t.quotaNone : summary.quota.limit.toLocaleString("ja-JP")}
              </dd>
            </div>
            <div className={`rounded-md border p-4 ${(summary.quota.percent ?? 0) >= 80 ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
              <dt className="text-sm text-slate-600">{t.quotaPercent}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid="quota-percent">
                {summary.quota.percent === null ? "—" : `${summary.quota.percent}%`}
              </dd>
            </div>
            <div className="rounded-md border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-600">{t.quotaReadAt}</dt>
              <dd className="mt-1 text-sm" data-testid="quota-read-at">
                {timeFormat.format(summary.quota.readAt)}
              </dd>
            </div>
          </dl>
        ) : (
          <p className="mt-3 text-sm">{t.quotaNotRead}</p>
        )}
        <h3 className="mt-4 font-semibold">{t.quotaAlerts}</h3>
        {summary.quotaAlerts.length === 0 ? (
          <p className="text-sm">{t.noQuotaAlerts}</p>
        ) : (
          <ul className="text-sm" data-testid="quota-alerts">
            {summary.quotaAlerts.map((a) => (
              <li key={a.kind}>
                {timeFormat.format(a.raisedAt)} {ja.alerts.operational[a.kind]}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="pushes" className="mt-8">
        <h2 id="pushes" className="text-lg font-semibold">
          {t.pushes}
        </h2>
        <p className="text-sm text-slate-600">{t.pushesNote}</p>
        <dl className="mt-3 grid max-w-xl grid-cols-2 gap-3">
          <Stat label={`${t.thisMonth}（${ja.reports.periods.month(summary.month.year, summary.month.month)}）`} value={summary.month.pushes} testId="pushes-this-month" />
          <Stat label={`${t.lastMonth}（${ja.reports.periods.month(summary.previousMonth.year, summary.previousMonth.month)}）`} value={summary.previousMonth.pushes} testId="pushes-last-month" />
        </dl>
      </section>
      <section aria-labelledby="queues" className="mt-8">
        <h2 id="queues" className="sr-only">
          {t.inbox} / {t.outbox}
        </h2>
        <dl className="grid max-w-3xl grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={`${t.inbox}：${t.pending}`} value={summary.inbox.pending} testId="inbox-pending" />
          <Stat label={`${t.inbox}：${t.failed}`} value={summary.inbox.failed} testId="inbox-failed" alert />
          <Stat label={`${t.outbox}：${t.pending}`} value={summary.outbox.pending} testId="outbox-pending" />
          <Stat label={`${t.outbox}：${t.failed}`} value={summary.outbox.failed} testId="outbox-failed" alert />
        </dl>
      </section>
      <section aria-labelledby="failed-events" className="mt-8">
        <h2 id="failed-events" className="text-lg font-semibold">
          {t.failedEvents}
        </h2>
        <p className="text-sm text-slate-600">{t.failedEventsNote}</p>
        {failedEvents.length === 0 ? (
          <p className="mt-3 text-sm">{t.noFailedEvents}</p>
        ) : (
          <table className="mt-3 min-w-full border-collapse bg-white text-sm" data-testid="failed-events">
            <thead>
              <tr className="border-b text-left">
                <th className="p-2">{t.receivedAt}</th>
                <th className="p-2">{t.eventType}</th>
                <th className="p-2">{t.attempts}</th>
                <th className="p-2">{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {failedEvents.map((e, i) => (
                <tr key={i} className="border-b align-top">
                  <td className="p-2 whitespace-nowrap">{timeFormat.format(e.receivedAt)}</td>
                  <td className="p-2">{Object.hasOwn(t.eventTypes, e.eventType) ? t.eventTypes[e.eventType] : e.eventType}</td>
                  <td className="p-2 tabular-nums">{e.attempts}</td>
                  <td className="p-2 font-mono text-xs">{e.lastError ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </StaffShell>
  );
}
