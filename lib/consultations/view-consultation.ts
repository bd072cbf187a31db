import type { Db } from "@/db";
import { appendAudit } from "@/lib/audit";
import { decryptField, type Keyring } from "@/lib/crypto";
import { loadCurrentForm, prefillRecordChoices, storedIntakeSchema } from "@/lib/forms";
import type { ConsoleActor } from "./actor";
import { authorizeConsultationView } from "./authorize-consultation-view";
import { listConsultationMessages } from "./list-consultation-messages";
import { listEarlierConsultations } from "./list-earlier-consultations";
import { listInternalNotes } from "./list-internal-notes";
import { loadRecordDraft } from "./load-record-draft";
import { markConsultationRead } from "./mark-consultation-read";
import { summarizeIntakes } from "./summarize-intakes";

/**
 * Everything the conversation screen shows, for one viewer. Opening the screen is audited (every read
 * of a consultation is, DESIGN "privacy"); the live refreshes that follow use
 * authorizeConsultationView + listConsultationMessages and are covered by this entry.
 *
 * The record form is the version in force; until the counselor has chosen them, its 年代, 性別 and
 * 分類 start from the intake answers (`prefilled`), for the counselor to confirm.
 */
export async function viewConsultation(db: Db, consultationId: string, actor: ConsoleActor, keyring: Keyring) {
  const { intakeNoteEnc, ...consultation } = await authorizeConsultationView(db, consultationId, actor);
  await appendAudit(db, { action: "consultation.viewed", actor, target: `consultation:${consultationId}`, details: { role: actor.role, holder: consultation.canReply } });
  const [intake] = await summarizeIntakes(db, [consultation]);
  const recordForm = await loadCurrentForm(db, "record");
  const saved = await loadRecordDraft(db, consultationId, keyring);
  const answers = storedIntakeSchema.safeParse(consultation.intake ?? {});
  const fromIntake = prefillRecordChoices(answers.success ? answers.data : null, recordForm.definition);
  const prefill = {
    ...(saved.ageBand ? {} : fromIntake.ageBand ? { ageBand: fromIntake.ageBand } : {}),
    ...(saved.gender ? {} : fromIntake.gender ? { gender: fromIntake.gender } : {}),
    ...(saved.topics?.length ? {} : fromIntake.topics ? { topics: fromIntake.topics } : {}),
  };
  const messages = await listConsultationMessages(db, consultationId, keyring);
  const newest = messages.at(-1);
  if (consultation.canReply && newest) await markConsultationRead(db, { consultationId, staffId: actor.id, upTo: newest.sentAt });
  return {
    consultation: { ...consultation, intake: intake ?? null, intakeNote: intakeNoteEnc ? decryptField(keyring, intakeNoteEnc) : null },
    messages,
    notes: await listInternalNotes(db, consultationId, keyring),
    draft: { ...saved, ...prefill },
    prefilled: Object.keys(prefill).length > 0,
    recordForm,
    earlier: await listEarlierConsultations(db, consultationId, keyring),
  };
}
