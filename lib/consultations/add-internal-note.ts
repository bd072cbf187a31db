import type { Db } from "@/db";
import { consultationNotes } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { encryptField, type Keyring } from "@/lib/crypto";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { loadConsultationForUpdate } from "./load-consultation-for-update";

/** A note for staff only (holder or supervisor). It lives in its own table, which nothing sends to LINE. */
export async function addInternalNote(db: Db, input: { consultationId: string; text: string; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<void> {
  const text = input.text.trim();
  if (!text) throw new ConsoleError("empty_message");
  if (text.length > 2000) throw new ConsoleError("too_long");
  await db.transaction(async (tx) => {
    await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    await tx.insert(consultationNotes).values({ consultationId: input.consultationId, authorId: actor.id, bodyEnc: encryptField(keyring, text), createdAt: input.at });
    await appendAudit(tx, { action: "consultation.note_added", actor, target: `consultation:${input.consultationId}`, details: { length: text.length } });
    await publishConsoleEvent(tx, { kind: "note", consultationId: input.consultationId });
  });
}
