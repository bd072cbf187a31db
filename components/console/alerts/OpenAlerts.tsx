import Link from "next/link";
import type { listOpenAlerts } from "@/lib/alerts";
import { formatAlertTime } from "@/lib/alerts";
import { ja } from "@/lib/i18n/ja";
import { AcknowledgeButton } from "./AcknowledgeButton";

type OpenAlert = Awaited<ReturnType<typeof listOpenAlerts>>[number];

/** Alerts no person has acknowledged yet: each names its consultation (pseudonym), links to it, and can be acknowledged. */
export function OpenAlerts({ alerts }: { alerts: OpenAlert[] }) {
  if (alerts.length === 0) return null;
  return (
    <section aria-labelledby="open-alerts-title" className="rounded-md border border-red-500 bg-red-50 p-3" data-testid="open-alerts">
      <h2 id="open-alerts-title" className="font-bold text-red-800">{ja.alerts.openTitle}（{alerts.length}）</h2>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {alerts.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-3" data-testid={`open-alert-${a.pseudonym}`}>
            <span className="font-semibold text-red-800">{ja.alerts.kind[a.kind]}</span>
            <Link href={`/console/c/${a.consultationId}`} className="text-brand-700 underline">{a.pseudonym}</Link>
            <span>
              {ja.alerts.raisedAt} {formatAlertTime(a.raisedAt)}・{a.claimed ? ja.alerts.claimed : ja.alerts.unclaimed}・{a.sendCount > 0 ? ja.alerts.sent(a.sendCount) : ja.alerts.notSent}
            </span>
            <AcknowledgeButton alertId={a.id} pseudonym={a.pseudonym} />
          </li>
        ))}
      </ul>
    </section>
  );
}
