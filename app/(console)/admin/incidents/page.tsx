import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { IncidentForm } from "@/components/console/admin/IncidentForm";
import { StaffShell } from "@/components/console/StaffShell";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { listIncidents, toIncidentDateTimeInput } from "@/lib/incidents";

export const dynamic = "force-dynamic";

const t = ja.incidents;

export default async function Page() {
  const { staff } = await requireStaff("incidents.manage");
  const rows = await listIncidents(await getDb(), { id: staff.id, loginId: staff.loginId }, getKeyring());
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-1 text-sm text-slate-700">{t.intro}</p>
      <section aria-labelledby="incident-new" className="mt-4">
        <h2 id="incident-new" className="text-lg font-semibold">{t.newTitle}</h2>
        <IncidentForm />
      </section>
      <section aria-labelledby="incident-list" className="mt-6">
        <h2 id="incident-list" className="text-lg font-semibold">{t.title}</h2>
        {rows.length === 0 ? <p className="mt-2 text-sm">{t.none}</p> : null}
        <div className="mt-2 flex flex-col gap-3">
          {rows.map((r) => (
            <IncidentForm
              key={r.id}
              initial={{
                id: r.id,
                updatedAt: r.updatedAt.toISOString(),
                kind: r.kind,
                discoveredAt: toIncidentDateTimeInput(r.discoveredAt),
                scope: r.scope,
                actions: r.actions,
                cityNotifiedAt: r.cityNotifiedAt ? toIncidentDateTimeInput(r.cityNotifiedAt) : "",
              }}
              recordedBy={r.recordedByName}
            />
          ))}
        </div>
      </section>
    </StaffShell>
  );
}
