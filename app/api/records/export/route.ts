import { z } from "zod";
import { requireStaffForApi } from "@/app/_server/guard";
import { checkpointAudit } from "@/app/_server/audit-checkpoint";
import { getDb } from "@/app/_server/database";
import { getKeyring } from "@/lib/crypto";
import { exportFormatSchema, exportRecordsForInspection, inspectionFilterSchema } from "@/lib/records";

export const dynamic = "force-dynamic";

const querySchema = inspectionFilterSchema.extend({ format: exportFormatSchema });

/** R20: the filtered records as CSV or Excel; lib/records audits the export before the file is sent. */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffForApi("records.inspect");
  if (staff instanceof Response) return staff;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse({ ...params, outcome: params.outcome || undefined });
  if (!parsed.success) return Response.json({ error: "invalid query", issues: z.treeifyError(parsed.error) }, { status: 400 });
  const file = await exportRecordsForInspection(await getDb(), parsed.data, { id: staff.staff.id, loginId: staff.staff.loginId }, getKeyring());
  await checkpointAudit();
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
}
