import { z } from "zod";
import { requireStaffForApi } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { sendExportedFile } from "@/app/_server/exported-file";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { EmergencyError, exportEmergencyReport } from "@/lib/emergencies";

/** The 緊急対応報告 PDF of one emergency, for the city (supervisors, administrators, city staff). Audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await requireStaffForApi("reports.view");
  if (session instanceof Response) return session;
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) return Response.json({ error: "not_found" }, { status: 404 });
  const { staff } = session;
  try {
    const exported = await exportEmergencyReport(
      await getDb(),
      { emergencyId: parsed.data },
      { id: staff.id, loginId: staff.loginId },
      { keyring: getKeyring(), municipality: getConfig().SOUDAN_MUNICIPALITY_NAME ?? null },
    );
    return await sendExportedFile({ ...exported, contentType: "application/pdf" });
  } catch (error) {
    if (error instanceof EmergencyError) return Response.json({ error: error.code }, { status: 404 });
    throw error;
  }
}
