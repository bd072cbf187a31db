import { requireStaff } from "@/app/_server/guard";
import { RoleHome } from "@/components/console/RoleHome";
import { StaffShell } from "@/components/console/StaffShell";
import { ja } from "@/lib/i18n/ja";

export default async function Page() {
  const { staff } = await requireStaff("reports.view");
  return (
    <StaffShell staff={staff}>
      <RoleHome title={ja.homes.reports.title} body={ja.homes.reports.body} />
    </StaffShell>
  );
}
