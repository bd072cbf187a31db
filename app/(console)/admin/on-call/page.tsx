import { requireStaff } from "@/app/_server/guard";
import { OnCallForm } from "@/components/console/alerts/OnCallForm";
import { RemoveOnCallButton } from "@/components/console/alerts/RemoveOnCallButton";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { describeAlertChannels, formatAlertTime, listOnCallEntries, listRecentAlerts, summarizeAlertDelivery } from "@/lib/alerts";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

/** The on-call roster, whether e-mail and the webhook are set up (and how to), the last delivery error, recent alerts. */
export default async function Page() {
  const { staff } = await requireStaff("oncall.manage");
  const db = await getDb();
  const at = now();
  const [entries, recent, delivery] = await Promise.all([listOnCallEntries(db, { at }), listRecentAlerts(db), summarizeAlertDelivery(db)]);
  const channels = describeAlertChannels(getConfig());
  const t = ja.onCall;
  return (
    <StaffShell staff={staff}>
      <div className="flex max-w-4xl flex-col gap-6">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-sm">{t.intro}</p>
        <section aria-labelledby="status-title" className="flex flex-col gap-1 text-sm" data-testid="alert-channels">
          <h2 id="status-title" className="text-lg font-bold">{t.status}</h2>
          <p>{channels.smtp ? t.smtpOn(channels.smtp) : t.smtpOff}</p>
          <p>{channels.webhook ? t.webhookOn(channels.webhook) : t.webhookOff}</p>
          {!channels.smtp && !channels.webhook ? <p className="font-semibold text-amber-800">{t.consoleOnly}</p> : null}
          <p>{t.defaultList(channels.defaultRecipients)}</p>
          <p>{t.resendEvery(channels.resendMinutes)}</p>
          <p>{t.backlog(delivery.pending, delivery.failed)}</p>
          <p data-testid="last-delivery-error">
            {t.lastError}：{delivery.lastError ? `${formatAlertTime(delivery.lastError.at!)} ${delivery.lastError.error}` : t.noError}
          </p>
        </section>
        <section aria-labelledby="roster-title" className="flex flex-col gap-2">
          <h2 id="roster-title" className="text-lg font-bold">{t.roster}</h2>
          {entries.length === 0 ? <p className="text-sm text-slate-600">{t.rosterEmpty}</p> : null}
          <ul className="flex flex-col gap-1 text-sm" data-testid="on-call-roster">
            {entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {e.name}（{e.email}） {formatAlertTime(e.startsAt)} 〜 {formatAlertTime(e.endsAt)}
                </span>
                <RemoveOnCallButton entryId={e.id} label={`${e.name} ${ja.onCall.remove}`} />
              </li>
            ))}
          </ul>
          <OnCallForm />
        </section>
        <section aria-labelledby="recent-title" className="flex flex-col gap-2">
          <h2 id="recent-title" className="text-lg font-bold">{t.recent}</h2>
          {recent.length === 0 ? (
            <p className="text-sm text-slate-600">{t.recentEmpty}</p>
          ) : (
            <table className="w-full border-collapse bg-white text-sm" data-testid="recent-alerts">
              <thead>
                <tr className="border-b text-left">
                  <th className="p-2">{ja.alerts.raisedAt}</th>
                  <th className="p-2">{ja.console.youth}</th>
                  <th className="p-2">{t.state}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((a) => (
                  <tr key={a.id} className="border-b">
                    <td className="p-2">{formatAlertTime(a.raisedAt)}</td>
                    <td className="p-2">
                      {a.pseudonym}（{ja.alerts.kind[a.kind]}）
                    </td>
                    <td className="p-2">
                      {a.acknowledgedAt ? ja.alerts.acknowledgedBy(a.acknowledgedByName ?? "") : a.claimed ? ja.alerts.claimed : ja.alerts.unclaimed}・
                      {a.sendCount > 0 ? ja.alerts.sent(a.sendCount) : ja.alerts.notSent}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </StaffShell>
  );
}
