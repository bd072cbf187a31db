import type { Db } from "@/db";
import { consultationRecords } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import type { ConsoleActor } from "./actor";
import { loadConsultationForUpdate } from "./load-consultation-for-update";
import { recordDraftSchema, type RecordDraft } from "./record-form";

/** Saves the record form as the counselor types (encrypted: it holds summaries of what the youth said). */
export async function saveRecordDraft(db: Db, input: { consultationId: string; draft: RecordDraft; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<void> {
  const draft = recordDraftSchema.parse(input.draft);
  await db.transaction(async (tx) => {
    await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true, recordPendingToo: true });
    const draftEnc = encryptField(keyring, JSON.stringify(draft));
    await tx
      .insert(consultationRecords)
      .values({ consultationId: input.consultationId, draftEnc, updatedAt: input.at, updatedBy: actor.id })
      .onConflictDoUpdate({ target: consultationRecords.consultationId, set: { draftEnc, updatedAt: input.at, updatedBy: actor.id } });
  });
}
