import type { Db } from "@/db";
import { appendAudit, digestExportedFile } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import type { Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { IncidentNotFoundError } from "./errors";
import { renderIncidentReportPdf } from "./render-incident-report-pdf";
import { viewIncident } from "./view-incident";

/** The 事故報告書 PDF for download, audited as an export (who, which incident, its size). */
export async function exportIncidentReport(
  db: Db,
  input: { incidentId: string },
  actor: Actor,
  deps: { keyring: Keyring; municipality: string | null },
): Promise<{ body: Buffer; filename: string; title: string }> {
  const incident = await viewIncident(db, input.incidentId, deps.keyring);
  if (!incident) throw new IncidentNotFoundError();
  const body = await renderIncidentReportPdf(incident, { municipality: deps.municipality });
  await appendAudit(db, { action: "incident.report_exported", actor, target: `incident:${incident.id}`, details: { kind: incident.kind, format: "pdf", bytes: body.length, sha256: digestExportedFile(body) } });
  const date = incident.discoveredAt.toISOString().slice(0, 10);
  return { body, filename: `soudan-incident-${date}.pdf`, title: `${ja.incidents.pdf.title}_${date}.pdf` };
}
