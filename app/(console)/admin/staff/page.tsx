import { requireStaff } from "@/app/_server/guard";
import { CreateStaffForm } from "@/components/console/admin/CreateStaffForm";
import { StaffTable } from "@/components/console/admin/StaffTable";
import { StaffShell } from "@/components/console/StaffShell";
import { getDb } from "@/app/_server/database";
import { listStaff } from "@/lib/auth";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";

export default async function StaffAdminPage() {
  const { staff } = await requireStaff("staff.manage");
  const rows = await listStaff(await getDb());
  const at = now();
  return (
    <StaffShell staff={staff}>
      <h1 className="text-2xl font-bold">{ja.staffAdmin.title}</h1>
      <section aria-labelledby="staff-list" className="mt-6">
        <h2 id="staff-list" className="text-lg font-semibold">
          {ja.staffAdmin.listTitle}
        </h2>
        <StaffTable rows={rows.map((r) => ({ ...r, locked: !!r.lockedUntil && r.lockedUntil > at }))} selfId={staff.id} />
      </section>
      <section aria-labelledby="staff-create" className="mt-10 max-w-xl">
        <h2 id="staff-create" className="text-lg font-semibold">
          {ja.staffAdmin.createTitle}
        </h2>
        <CreateStaffForm />
      </section>
    </StaffShell>
  );
}
