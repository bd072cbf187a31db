import Link from "next/link";
import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { RecordFilter } from "@/components/records/RecordFilter";
import { RecordsTable } from "@/components/records/RecordsTable";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { labelRecordChoices, loadCurrentForm } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import { listRecordsForInspection, monthSchema, outcomeFilterSchema } from "@/lib/records";
import { calendarDateOf } from "@/lib/calendar";

export const dynamic = "force-dynamic";

/** R20: a month's consultation records for a person granted inspection; each listing is audited by lib/records. */
export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { staff } = await requireStaff("records.inspect");
  const params = await searchParams;
  const requestedMonth = monthSchema.safeParse(params.month);
  const month = requestedMonth.success ? requestedMonth.data : calendarDateOf(now()).slice(0, 7);
  const requestedOutcome = outcomeFilterSchema.safeParse(params.outcome);
  const outcome = requestedOutcome.success ? requestedOutcome.data : undefined;
  const requestedPage = Number(params.page);
  const page = Number.isInteger(requestedPage) && requestedPage > 0 ? requestedPage - 1 : 0;

  const db = await getDb();
  const list = await listRecordsForInspection(db, { month, outcome, page }, { id: staff.id, loginId: staff.loginId });
  const labels = labelRecordChoices((await loadCurrentForm(db, "record")).definition);
  const pageHref = (p: number) => `/records?${new URLSearchParams({ month, ...(outcome ? { outcome } : {}), page: String(p + 1) })}`;
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.records.title}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{ja.records.intro}</p>
      <div className="mt-4">
        <RecordFilter month={month} outcome={outcome} labels={labels} />
      </div>
      <p className="mt-4 text-sm" role="status">
        {list.total}
        {ja.records.count}・{ja.records.pageOf(list.page + 1, list.pageCount)}
      </p>
      <RecordsTable rows={list.rows} labels={labels} />
      {list.pageCount > 1 ? (
        <nav aria-label={ja.records.pagination} className="mt-4 flex gap-4">
          {list.page > 0 ? (
            <Link href={pageHref(list.page - 1)} className="text-brand-700 underline">
              {ja.records.previous}
            </Link>
          ) : null}
          {list.page < list.pageCount - 1 ? (
            <Link href={pageHref(list.page + 1)} className="text-brand-700 underline">
              {ja.records.next}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </StaffShell>
  );
}
