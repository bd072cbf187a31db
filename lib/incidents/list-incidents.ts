import { alias } from "drizzle-orm/pg-core";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { incidents, staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { decryptField, type Keyring } from "@/lib/crypto";
import type { IncidentKind } from "./incident-kinds";

export interface IncidentView {
  id: string;
  kind: IncidentKind;
  discoveredAt: Date;
  scope: string;
  actions: string;
  cityNotifiedAt: Date | null;
  recordedAt: Date;
  recordedByName: string;
  updatedAt: Date;
  updatedByName: string;
}

const recorder = alias(staff, "recorder");
const updater = alias(staff, "updater");

/** Incidents with their recorder and last editor, decrypted; one when `id` is given. */
export async function selectIncidents(db: Db, keyring: Keyring, id?: string): Promise<IncidentView[]> {
  const query = db
    .select({
      id: incidents.id,
      kind: incidents.kind,
      discoveredAt: incidents.discoveredAt,
      scopeEnc: incidents.scopeEnc,
      actionsEnc: incidents.actionsEnc,
      cityNotifiedAt: incidents.cityNotifiedAt,
      recordedAt: incidents.recordedAt,
      recordedByName: recorder.displayName,
      updatedAt: incidents.updatedAt,
      updatedByName: updater.displayName,
    })
    .from(incidents)
    .innerJoin(recorder, eq(recorder.id, incidents.recordedBy))
    .innerJoin(updater, eq(updater.id, incidents.updatedBy));
  const rows = await (id ? query.where(eq(incidents.id, id)) : query).orderBy(desc(incidents.discoveredAt));
  return rows.map(({ scopeEnc, actionsEnc, ...row }) => ({ ...row, scope: decryptField(keyring, scopeEnc), actions: decryptField(keyring, actionsEnc) }));
}

/**
 * The register, newest discovery first, decrypted for the staff page. Showing it decrypts every
 * incident's scope, so each listing is audited like any other view of personal data (only the count).
 */
export async function listIncidents(db: Db, actor: Actor, keyring: Keyring): Promise<IncidentView[]> {
  const rows = await selectIncidents(db, keyring);
  await appendAudit(db, { action: "incident.listed", actor, details: { count: rows.length } });
  return rows;
}
