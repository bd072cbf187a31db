import type { Db } from "@/db";
import { appendAudit, digestExportedFile } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { EmergencyError } from "./errors";
import { renderEmergencyReportPdf } from "./render-emergency-report-pdf";
import { viewEmergency } from "./view-emergency";

/** The 緊急対応報告 PDF for download, audited as an export (who, which emergency, its size). */
export async function exportEmergencyReport(
  db: Db,
  input: { emergencyId: string },
  actor: { id: string; loginId: string },
  deps: { keyring: Keyring; municipality: string | null },
): Promise<{ body: Buffer; filename: string; title: string }> {
  const emergency = await viewEmergency(db, { emergencyId: input.emergencyId }, deps.keyring);
  if (!emergency) throw new EmergencyError("not_found");
  const body = await renderEmergencyReportPdf(emergency, { municipality: deps.municipality });
  await appendAudit(db, { action: "emergency.report_exported", actor, target: `emergency:${emergency.id}`, details: { format: "pdf", bytes: body.length, sha256: digestExportedFile(body) } });
  const date = emergency.startedAt.toISOString().slice(0, 10);
  return { body, filename: `soudan-emergency-${date}.pdf`, title: `${ja.emergency.pdf.title}_${emergency.pseudonym}_${date}.pdf` };
}
