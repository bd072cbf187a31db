import { requireStaff } from "@/app/_server/guard";
import { AgencyForm } from "@/components/console/admin/AgencyForm";
import { StaffShell } from "@/components/console/StaffShell";
import { joinListText } from "@/components/ui/list-text";
import { getDb } from "@/app/_server/database";
import { ja } from "@/lib/i18n/ja";
import { listAgencies } from "@/lib/agencies";

export const dynamic = "force-dynamic";

export default async function Page() {
  const { staff } = await requireStaff("agencies.manage");
  const rows = await listAgencies(await getDb(), { includeInactive: true });
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.referenceAdmin.agenciesTitle}</h1>
      <div className="mt-4 flex flex-col gap-3">
        <AgencyForm />
        {rows.map((r) => (
          <AgencyForm
            key={r.id}
            initial={{ id: r.id, name: r.name, phone: r.phone ?? "", hours: r.hours ?? "", url: r.url ?? "", topics: joinListText(r.topics), active: r.active, isExample: r.isExample }}
          />
        ))}
      </div>
    </StaffShell>
  );
}
