import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { summarizeLineChannel } from "@/lib/line";

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
  const summary = await summarizeLineChannel(await getDb(), now());
  const t = ja.lineAdmin;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <section aria-labelledby="pushes" className="mt-6">
        <h2 id="pushes" className="text-lg font-semibold">
          {t.pushes}
        </h2>
        <p className="text-sm text-slate-600">{t.pushesNote}</p>
        <dl className="mt-3 grid max-w-xl grid-cols-2 gap-3">
          <Stat label={`${t.thisMonth}（${summary.month.year}年${summary.month.month}月）`} value={summary.month.pushes} testId="pushes-this-month" />
          <Stat label={`${t.lastMonth}（${summary.previousMonth.year}年${summary.previousMonth.month}月）`} value={summary.previousMonth.pushes} testId="pushes-last-month" />
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
    </StaffShell>
  );
}
