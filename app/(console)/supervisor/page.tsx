import Link from "next/link";
import { requireStaff } from "@/app/_server/guard";
import { JoinEmergencyButton } from "@/components/console/emergency/JoinEmergencyButton";
import { OpenAlerts } from "@/components/console/alerts/OpenAlerts";
import { LiveRefresh } from "@/components/console/live/LiveRefresh";
import { StaffShell } from "@/components/console/StaffShell";
import { ReportDeadlines } from "@/components/reports/ReportDeadlines";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { listOpenAlerts } from "@/lib/alerts";
import { canStaff } from "@/lib/auth";
import { listCounselorLoad, listLiveConsultations } from "@/lib/consultations";
import { formatJstDateTime, listActiveEmergencies } from "@/lib/emergencies";
import { ja } from "@/lib/i18n/ja";
import { listReportDeadlines } from "@/lib/report-deadlines";

export const dynamic = "force-dynamic";

/**
 * Every live conversation with its holder first, then emergencies, alerts and each counselor's load
 * and presence; report deadlines fold into one line. Opening one goes through the conversation
 * page, which shows it read-only and audits the view.
 */
export default async function Page() {
  const { staff } = await requireStaff("consultations.supervise");
  const db = await getDb();
  const at = now();
  const [live, load, deadlines, alerts, emergencies] = await Promise.all([
    listLiveConsultations(db),
    listCounselorLoad(db, at, getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES),
    listReportDeadlines(db, { at }),
    listOpenAlerts(db),
    listActiveEmergencies(db),
  ]);
  const risky = live.filter((c) => c.priority >= 2);
  const overdue = deadlines.filter((d) => d.status === "overdue" && !d.submitted).length;
  return (
    <StaffShell staff={staff}>
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">{ja.supervisorView.title}</h1>
        <LiveRefresh alertOnArrival alertOnRisk soundByDefault />
        {risky.length > 0 ? (
          // The alert role on a wrapper: on the <ul> itself it would stop being a list (axe: listitem).
          <div role="alert" className="rounded-md border border-red-500 bg-red-50 p-3 font-semibold text-red-800" data-testid="risk-banner">
            <ul className="flex flex-col gap-1">
              {risky.map((c) => (
                <li key={c.id}>
                  {ja.supervisorView.riskAlertOf(c.pseudonym)}{" "}
                  <Link href={`/console/c/${c.id}`} className="text-brand-700 underline">
                    {ja.supervisorView.openRisky}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <section aria-labelledby="live-title">
          <h2 id="live-title" className="text-lg font-bold">{ja.supervisorView.live}（{live.length}）</h2>
          {live.length === 0 ? (
            <p className="text-slate-600">{ja.supervisorView.none}</p>
          ) : (
            <table className="mt-2 w-full border-collapse bg-white text-sm" data-testid="live-consultations">
              <thead>
                <tr className="border-b text-left">
                  <th className="p-2">{ja.console.youth}</th>
                  <th className="p-2">{ja.console.holder}</th>
                  <th className="p-2">{ja.console.waitingFor}</th>
                  <th className="p-2"><span className="sr-only">{ja.supervisorView.open}</span></th>
                </tr>
              </thead>
              <tbody>
                {live.map((c) => (
                  <tr key={c.id} className="border-b" data-testid={`live-${c.pseudonym}`}>
                    <td className="p-2">
                      {c.priority > 0 ? <span className="mr-1 font-bold text-red-700">{ja.console.priority[c.priority]}</span> : null}
                      {c.pseudonym}（{ja.console.channel[c.channel]}）
                    </td>
                    <td className="p-2">{c.holderName ?? ja.console.noHolder}</td>
                    {/* Waiting time only while nobody holds it; a held consultation is no longer waiting. */}
                    <td className="p-2" data-testid="waiting-time">
                      {c.holderId ? (
                        <span className="text-slate-600">{ja.supervisorView.inConversation}</span>
                      ) : (
                        <>
                          {Math.max(0, Math.floor((at.getTime() - c.openedAt.getTime()) / 60_000))}
                          {ja.console.minutes}
                        </>
                      )}
                    </td>
                    <td className="p-2">
                      <Link href={`/console/c/${c.id}`} className="text-brand-700 underline">
                        {ja.supervisorView.open}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <OpenAlerts alerts={alerts} />
        <section aria-labelledby="emergencies-title" data-testid="active-emergencies">
          <h2 id="emergencies-title" className="text-lg font-bold">{ja.emergency.activeTitle}（{emergencies.length}）</h2>
          {emergencies.length === 0 ? (
            <p className="text-slate-600">{ja.emergency.noneActive}</p>
          ) : (
            <ul role="alert" className="mt-2 flex flex-col gap-2">
              {emergencies.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center gap-3 rounded-md border-2 border-red-600 bg-red-50 p-3" data-testid={`emergency-${e.pseudonym}`}>
                  <span className="font-bold text-red-800">{ja.emergency.title}</span>
                  <span>{e.pseudonym}</span>
                  <span className="text-sm">{ja.emergency.startedBy(e.startedByName, formatJstDateTime(e.startedAt))}</span>
                  {e.joinedByName ? (
                    <span className="text-sm">{ja.emergency.joinedBy(e.joinedByName, "")}</span>
                  ) : (
                    <JoinEmergencyButton emergencyId={e.id} label={`${ja.emergency.join}（${e.pseudonym}）`} />
                  )}
                  <Link href={`/console/c/${e.consultationId}`} className="text-brand-700 underline">
                    {ja.emergency.open}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="load-title">
          <h2 id="load-title" className="text-lg font-bold">{ja.supervisorView.load}</h2>
          <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="counselor-load">
            {load.map((s) => (
              <li key={s.id}>
                <span className={s.present ? "text-green-800" : "text-slate-500"}>{s.present ? `● ${ja.supervisorView.present}` : `○ ${ja.supervisorView.away}`}</span> {s.displayName}（{ja.roles[s.role]}）{" "}
                {ja.supervisorView.holding} {s.active}
              </li>
            ))}
          </ul>
        </section>
        {/* One line until opened: a backlog of overdue reports must not push the live list off the screen. */}
        <details className="rounded-md border border-slate-200 bg-white" data-testid="deadlines-summary">
          <summary className="cursor-pointer p-3 font-semibold">{ja.supervisorView.deadlinesSummary(overdue, deadlines.length)}</summary>
          <ReportDeadlines deadlines={deadlines} canMark={canStaff(staff, "reports.mark_submitted")} />
        </details>
      </div>
    </StaffShell>
  );
}
