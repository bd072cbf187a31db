import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { ReportView } from "@/components/reports/ReportView";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { buildAnnualReception } from "@/lib/reports";
import { fiscalYearFrom } from "../_params";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { staff } = await requireStaff("reports.view");
  const navigation = await fiscalYearFrom(searchParams);
  const report = await buildAnnualReception(await getDb(), { fiscalYear: navigation.fiscalYear, municipality: getConfig().SOUDAN_MUNICIPALITY_NAME ?? null, at: now() });
  return (
    <StaffShell staff={staff}>
      <ReportView report={report} navigation={navigation} />
    </StaffShell>
  );
}
