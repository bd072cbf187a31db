import { requireStaffForApi } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { sendExportedFile } from "@/app/_server/exported-file";
import { auditFilterSchema, exportAuditLog } from "@/lib/audit";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

/** The audit log as the screen filtered it, as CSV; lib/audit audits the download before the file is sent. */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffForApi("audit.view");
  if (staff instanceof Response) return staff;
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) return new Response(ja.audit.invalidFilter, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const file = await exportAuditLog(await getDb(), parsed.data, { id: staff.staff.id, loginId: staff.staff.loginId });
  return sendExportedFile(file);
}
