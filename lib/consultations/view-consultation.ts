import type { Db } from "@/db";
import { appendAudit } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import type { ConsoleActor } from "./actor";
import { authorizeConsultationView } from "./authorize-consultation-view";
import { listConsultationMessages } from "./list-consultation-messages";
import { listEarlierConsultations } from "./list-earlier-consultations";
import { listInternalNotes } from "./list-internal-notes";
import { loadRecordDraft } from "./load-record-draft";

/**
 * Everything the conversation screen shows, for one viewer. Opening the screen is audited (every read
 * of a consultation is, DESIGN "privacy"); the live refreshes that follow use
 * authorizeConsultationView + listConsultationMessages and are covered by this entry.
 */
export async function viewConsultation(db: Db, consultationId: string, actor: ConsoleActor, keyring: Keyring) {
  const consultation = await authorizeConsultationView(db, consultationId, actor);
  await appendAudit(db, { action: "consultation.viewed", actor, target: `consultation:${consultationId}`, details: { role: actor.role, holder: consultation.canReply } });
  return {
    consultation,
    messages: await listConsultationMessages(db, consultationId, keyring),
    notes: await listInternalNotes(db, consultationId, keyring),
    draft: await loadRecordDraft(db, consultationId, keyring),
    earlier: await listEarlierConsultations(db, consultationId, keyring),
  };
}
