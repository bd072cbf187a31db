import type { Db } from "@/db";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { listSharingBasis, type SharingBasis } from "@/lib/consents";
import { decryptField, type Keyring } from "@/lib/crypto";
import { selectInspectionRow, type InspectionRow } from "./inspection-rows";

export type InspectedRecord = InspectionRow & {
  contentSummary: string | null;
  responseSummary: string | null;
  emergencyNote: string | null;
  sharing: SharingBasis;
};

const open = (keyring: Keyring, value: string | null) => (value === null ? null : decryptField(keyring, value));

/** R20: one closed consultation's whole record, free text, consents and R10 exceptions decrypted; each opening is audited. Null when there is none. */
export async function readRecordForInspection(db: Db, consultationId: string, actor: Actor, keyring: Keyring): Promise<InspectedRecord | null> {
  const selected = await selectInspectionRow(db, consultationId);
  if (!selected) return null;
  await appendAudit(db, { action: "record.viewed", actor, target: `consultation:${consultationId}`, details: { via: "inspection" } });
  const { row, encrypted } = selected;
  return { ...row, contentSummary: open(keyring, encrypted.contentSummary), responseSummary: open(keyring, encrypted.responseSummary), emergencyNote: open(keyring, encrypted.emergencyNote), sharing: await listSharingBasis(db, consultationId, keyring) };
}
