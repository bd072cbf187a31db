import { requireStaff } from "@/app/_server/guard";
import { ClaimNotice } from "@/components/console/ClaimNotice";
import { HeldTabs } from "@/components/console/HeldTabs";
import { OpenAlerts } from "@/components/console/alerts/OpenAlerts";
import { IdleGuard } from "@/components/console/live/IdleGuard";
import { LiveRefresh } from "@/components/console/live/LiveRefresh";
import { PendingRecordList } from "@/components/console/PendingRecordList";
import { QueueList } from "@/components/console/QueueList";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { listOpenAlerts } from "@/lib/alerts";
import { can } from "@/lib/auth";
import { listHeldConsultations, listPendingRecords, listWaitingConsultations } from "@/lib/consultations";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

/** The counselors' home: the queue, live, and the consultations this counselor holds. */
export default async function Page() {
  const { staff } = await requireStaff("console.use");
  const db = await getDb();
  const actor = { id: staff.id, loginId: staff.loginId, role: staff.role };
  const [queue, held, pending, alerts] = await Promise.all([listWaitingConsultations(db), listHeldConsultations(db, staff.id), listPendingRecords(db, actor), listOpenAlerts(db)]);
  return (
    <StaffShell staff={staff}>
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">{ja.console.title}</h1>
        <LiveRefresh alertOnArrival soundByDefault={staff.role === "supervisor"} />
        <IdleGuard idleMinutes={getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES} />
        <ClaimNotice />
        <OpenAlerts alerts={alerts} />
        <section aria-labelledby="held-title" className="flex flex-col gap-2">
          <h2 id="held-title" className="text-lg font-bold">
            {ja.console.heldTitle}
          </h2>
          <HeldTabs held={held} />
        </section>
        {pending.length > 0 ? (
          <section aria-labelledby="pending-title" className="flex flex-col gap-2">
            <h2 id="pending-title" className="text-lg font-bold">
              {ja.console.pendingTitle}（{pending.length}）
            </h2>
            <p className="text-sm">{ja.console.pendingHint}</p>
            <PendingRecordList items={pending} showHolder={can(staff.role, "consultations.supervise")} />
          </section>
        ) : null}
        <section aria-labelledby="queue-title" className="flex flex-col gap-2">
          <h2 id="queue-title" className="text-lg font-bold">
            {ja.console.queueTitle}（{queue.length}）
          </h2>
          <QueueList items={queue} at={now()} />
        </section>
      </div>
    </StaffShell>
  );
}
