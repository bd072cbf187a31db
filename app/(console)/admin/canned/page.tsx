import { requireStaff } from "@/app/_server/guard";
import { CannedForm } from "@/components/console/admin/CannedForm";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { listCannedResponses } from "@/lib/canned";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

export default async function Page() {
  const { staff } = await requireStaff("canned.manage");
  const rows = await listCannedResponses(await getDb(), { includeInactive: true });
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.referenceAdmin.cannedTitle}</h1>
      <div className="mt-4 flex flex-col gap-3">
        <CannedForm />
        {rows.map((r) => (
          <CannedForm key={r.id} initial={{ id: r.id, title: r.title, body: r.body, active: r.active }} />
        ))}
      </div>
    </StaffShell>
  );
}
