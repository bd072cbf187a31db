import { requireStaff } from "@/app/_server/guard";
import { RoleHome } from "@/components/console/RoleHome";
import { StaffShell } from "@/components/console/StaffShell";
import { ReportDeadlines } from "@/components/reports/ReportDeadlines";
import { getDb } from "@/db";
import { canStaff } from "@/lib/auth";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { listReportDeadlines } from "@/lib/report-deadlines";

export const dynamic = "force-dynamic";

export default async function Page() {
  const { staff } = await requireStaff("reports.view");
  const deadlines = await listReportDeadlines(await getDb(), { at: now() });
  return (
    <StaffShell staff={staff}>
      <RoleHome title={ja.homes.reports.title} body={ja.homes.reports.body} />
      <div className="mt-6 max-w-4xl">
        <ReportDeadlines deadlines={deadlines} canMark={canStaff(staff, "reports.mark_submitted")} />
      </div>
    </StaffShell>
  );
}
