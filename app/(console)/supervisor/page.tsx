import { requireStaff } from "@/app/_server/guard";
import { RoleHome } from "@/components/console/RoleHome";
import { StaffShell } from "@/components/console/StaffShell";
import { ja } from "@/lib/i18n/ja";

export default async function Page() {
  const { staff } = await requireStaff("consultations.supervise");
  return (
    <StaffShell staff={staff}>
      <RoleHome title={ja.homes.supervisor.title} body={ja.homes.supervisor.body} />
    </StaffShell>
  );
}
