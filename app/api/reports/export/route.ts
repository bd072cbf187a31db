import { requireStaffForApi } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { sendExportedFile } from "@/app/_server/exported-file";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { exportReport, ReportOutsideServicePeriodError, resolveReportQuery } from "@/lib/reports";

/** A report file: ?kind=monthly|daily_log|monthly_reception|annual|annual_reception&period=YYYY-MM|YYYY&format=pdf|xlsx|csv. Audited. */
export async function GET(request: Request): Promise<Response> {
  const session = await requireStaffForApi("reports.view");
  if (session instanceof Response) return session;
  const query = new URL(request.url).searchParams;
  const parsed = resolveReportQuery({ kind: query.get("kind"), period: query.get("period"), format: query.get("format") }, now());
  if (!parsed) return Response.json({ error: "invalid_request" }, { status: 400 });
  const { staff } = session;
  try {
    const exported = await exportReport(await getDb(), parsed, { actor: { id: staff.id, loginId: staff.loginId } }, { municipality: getConfig().SOUDAN_MUNICIPALITY_NAME ?? null, at: now() });
    return await sendExportedFile(exported);
  } catch (error) {
    if (!(error instanceof ReportOutsideServicePeriodError)) throw error;
    return new Response(`${ja.reports.outside.title}\n${ja.reports.outside.body}\n`, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
