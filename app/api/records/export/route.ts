import { z } from "zod";
import { requireStaffForApi } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { sendExportedFile } from "@/app/_server/exported-file";
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
  return sendExportedFile(file);
}
