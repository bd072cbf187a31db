import { requireStaff } from "@/app/_server/guard";
import { StaffShell } from "@/components/console/StaffShell";
import { RemarksEditor } from "@/components/reports/RemarksEditor";
import { ReportView } from "@/components/reports/ReportView";
import { getDb } from "@/app/_server/database";
import { canStaff } from "@/lib/auth";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { buildMonthlyReport, loadReportRemarks, REMARKS_MAX } from "@/lib/reports";
import { monthFrom } from "../_params";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { staff } = await requireStaff("reports.view");
  const navigation = await monthFrom(searchParams);
  const db = await getDb();
  const report = await buildMonthlyReport(db, { month: navigation.period, municipality: getConfig().SOUDAN_MUNICIPALITY_NAME ?? null, at: now() });
  let editor = null;
  if (canStaff(staff, "reports.write_remarks")) {
    const remarks = await loadReportRemarks(db, navigation.period);
    const savedAt = remarks && new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" }).format(remarks.savedAt);
    editor = (
      <RemarksEditor
        key={navigation.period}
        period={navigation.period}
        initial={remarks?.body ?? ""}
        version={remarks?.version ?? null}
        savedLine={remarks && savedAt ? ja.reports.remarks.version(remarks.version, savedAt) : null}
        maxLength={REMARKS_MAX}
      />
    );
  }
  return (
    <StaffShell staff={staff}>
      <ReportView report={report} navigation={navigation} remarks={editor} />
    </StaffShell>
  );
}
