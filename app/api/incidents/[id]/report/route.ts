import { z } from "zod";
import { requireStaffForApi } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { sendExportedFile } from "@/app/_server/exported-file";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { exportIncidentReport, IncidentNotFoundError } from "@/lib/incidents";

/** The 事故報告書 PDF of one incident, for the city. Audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await requireStaffForApi("incidents.manage");
  if (session instanceof Response) return session;
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) return Response.json({ error: "not_found" }, { status: 404 });
  const { staff } = session;
  try {
    const exported = await exportIncidentReport(
      await getDb(),
      { incidentId: parsed.data },
      { id: staff.id, loginId: staff.loginId },
      { keyring: getKeyring(), municipality: getConfig().SOUDAN_MUNICIPALITY_NAME ?? null },
    );
    return await sendExportedFile({ ...exported, contentType: "application/pdf" });
  } catch (error) {
    if (error instanceof IncidentNotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
