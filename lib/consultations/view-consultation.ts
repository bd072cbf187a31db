import { lte } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationViewAudits } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { decryptField, type Keyring } from "@/lib/crypto";
import { loadCurrentForm, prefillRecordChoices, storedIntakeSchema } from "@/lib/forms";
import type { ConsoleActor } from "./actor";
import { authorizeConsultationView } from "./authorize-consultation-view";
import { listConsultationMessages } from "./list-consultation-messages";
import { listEarlierConsultations } from "./list-earlier-consultations";
import { listInternalNotes } from "./list-internal-notes";
import { deriveVisit } from "./derive-visit";
import { loadRecordDraft } from "./load-record-draft";
import { markConsultationRead } from "./mark-consultation-read";
import { summarizeIntakes } from "./summarize-intakes";

/** One `consultation.viewed` row covers a person's reads of a consultation for this long. */
const VIEW_AUDIT_WINDOW_MS = 10 * 60_000;

/**
 * Every read of a consultation is accounted for (DESIGN "privacy", R20), but the conversation
 * re-renders on every live event: the first view audits, and it covers that person's reads of that
 * consultation for the next 10 minutes. The marker moves only when a row is appended, in the same
 * transaction, so two instances rendering at once append one row.
 */
async function auditView(db: Db, consultationId: string, actor: ConsoleActor, canReply: boolean, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const due = await tx
      .insert(consultationViewAudits)
      .values({ consultationId, staffId: actor.id, auditedAt: at })
      .onConflictDoUpdate({
        target: [consultationViewAudits.consultationId, consultationViewAudits.staffId],
        set: { auditedAt: at },
        setWhere: lte(consultationViewAudits.auditedAt, new Date(at.getTime() - VIEW_AUDIT_WINDOW_MS)),
      })
      .returning({ auditedAt: consultationViewAudits.auditedAt });
    if (due.length > 0) await appendAudit(tx, { action: "consultation.viewed", actor, target: `consultation:${consultationId}`, details: { role: actor.role, holder: canReply } });
  });
}

/**
 * Everything the conversation screen shows, for one viewer, audited by `auditView`.
 *
 * The record form is the version in force; until the counselor has chosen them, its 年代, 性別 and
 * 分類 start from the intake answers (`prefilled`), for the counselor to confirm.
 */
export async function viewConsultation(db: Db, consultationId: string, actor: ConsoleActor, keyring: Keyring, at: Date) {
  const { intakeNoteEnc, ...consultation } = await authorizeConsultationView(db, consultationId, actor);
  await auditView(db, consultationId, actor, consultation.canReply, at);
  const [intake] = await summarizeIntakes(db, [consultation]);
  const recordForm = await loadCurrentForm(db, "record");
  const saved = await loadRecordDraft(db, consultationId, keyring);
  const answers = storedIntakeSchema.safeParse(consultation.intake ?? {});
  const fromIntake = prefillRecordChoices(answers.success ? answers.data : null, recordForm.definition);
  const prefill = {
    ...(saved.ageBand ? {} : fromIntake.ageBand ? { ageBand: fromIntake.ageBand } : {}),
    ...(saved.gender ? {} : fromIntake.gender ? { gender: fromIntake.gender } : {}),
    ...(saved.topics?.length ? {} : fromIntake.topics ? { topics: fromIntake.topics } : {}),
    ...(saved.requester ? {} : fromIntake.requester ? { requester: fromIntake.requester } : {}),
  };
  // 新規/継続 starts from the youth's earlier consultations; it is a derivation, not an intake answer, so not `prefilled`.
  const visit = saved.visit ? {} : { visit: await deriveVisit(db, consultationId) };
  const messages = await listConsultationMessages(db, consultationId, keyring);
  const newest = messages.at(-1);
  if (consultation.canReply && newest) await markConsultationRead(db, { consultationId, staffId: actor.id, upTo: newest.sentAt });
  return {
    consultation: { ...consultation, intake: intake ?? null, intakeNote: intakeNoteEnc ? decryptField(keyring, intakeNoteEnc) : null },
    messages,
    notes: await listInternalNotes(db, consultationId, keyring),
    draft: { ...saved, ...prefill, ...visit },
    prefilled: Object.keys(prefill).length > 0,
    recordForm,
    earlier: await listEarlierConsultations(db, consultationId, keyring),
  };
}
