import { requireStaff } from "@/app/_server/guard";
import { ContactKindForm } from "@/components/console/admin/ContactKindForm";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { countContactKindUses, listEmergencyContactKinds } from "@/lib/emergencies";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

const t = ja.emergency.kindsAdmin;

/** To whom an emergency contact may go (警察, 救急, 児童相談所 …), as the contact log offers them. */
export default async function Page() {
  const { staff } = await requireStaff("emergency_contact_kinds.manage");
  const db = await getDb();
  const [kinds, uses] = await Promise.all([listEmergencyContactKinds(db, { includeRetired: true }), countContactKindUses(db)]);
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.lead}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t.orderHint}</p>
      <div className="mt-4 flex flex-col gap-3">
        <ContactKindForm nextOrder={Math.max(0, ...kinds.map((k) => k.sortOrder)) + 10} />
        {kinds.map((k) => (
          <ContactKindForm key={k.id} initial={{ ...k, uses: uses.get(k.id) ?? 0 }} />
        ))}
      </div>
    </StaffShell>
  );
}
