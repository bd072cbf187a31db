import type { Tx } from "@/db";
import { consultationRecords } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import type { ConsoleActor } from "./actor";
import { loadRecordDraft } from "./load-record-draft";

/**
 * After an emergency, the record the holder still owes starts as one: outcome 緊急対応, the emergency box
 * ticked, and the emergency's summary as what was done. The rest of the draft is kept.
 */
export async function prefillEmergencyRecord(tx: Tx, input: { consultationId: string; note: string; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<void> {
  const draft = { ...(await loadRecordDraft(tx, input.consultationId, keyring)), outcome: "emergency", emergency: true, emergencyNote: input.note };
  const draftEnc = encryptField(keyring, JSON.stringify(draft));
  await tx
    .insert(consultationRecords)
    .values({ consultationId: input.consultationId, draftEnc, updatedAt: input.at, updatedBy: actor.id })
    .onConflictDoUpdate({ target: consultationRecords.consultationId, set: { draftEnc, updatedAt: input.at, updatedBy: actor.id } });
}
