import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { RecordDetail } from "@/components/records/RecordDetail";
import { getDb } from "@/app/_server/database";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { labelRecordChoices, loadCurrentForm } from "@/lib/forms";
import { readRecordForInspection } from "@/lib/records";

export const dynamic = "force-dynamic";

/** R20: one consultation's record, free text included; opening it is audited by lib/records. */
export default async function RecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff } = await requireStaff("records.inspect");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const labels = labelRecordChoices((await loadCurrentForm(db, "record")).definition);
  const record = await readRecordForInspection(db, id.data, { id: staff.id, loginId: staff.loginId }, getKeyring());
  if (!record) notFound();
  return (
    <StaffShell staff={staff}>
      <Link href="/records" className="text-sm text-brand-700 underline">
        {ja.records.back}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{ja.records.detailTitle}</h1>
      <p className="mt-1 text-sm text-slate-600">{ja.records.auditNote}</p>
      <RecordDetail record={record} labels={labels} />
    </StaffShell>
  );
}
