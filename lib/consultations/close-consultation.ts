import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationRecords, consultations, supportAgencies } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { encryptField, type Keyring } from "@/lib/crypto";
import { publishConsoleEvent } from "@/lib/realtime/publish-console-event";
import type { ConsoleActor } from "./actor";
import { loadConsultationForUpdate } from "./load-consultation-for-update";
import { recordConsultationTimings } from "./record-consultation-timings";
import { validateRecordForm, type FieldErrors } from "./record-form";

export type CloseResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Closes a consultation with its record (R17). An incomplete form is refused with a Japanese message
 * per field and changes nothing; the draft stays. The holder closes; a supervisor may too.
 */
export async function closeConsultation(db: Db, input: { consultationId: string; form: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<CloseResult> {
  const validated = validateRecordForm(input.form);
  if (!validated.ok) return validated;
  const { form } = validated;
  return db.transaction(async (tx) => {
    const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    if (form.referralAgencyId) {
      const [agency] = await tx.select({ id: supportAgencies.id }).from(supportAgencies).where(and(eq(supportAgencies.id, form.referralAgencyId), eq(supportAgencies.active, true)));
      if (!agency) return { ok: false as const, fieldErrors: { referralAgencyId: "選んだ支援機関は登録されていません。選び直してください。" } };
    }
    const record = {
      ageBand: form.ageBand,
      gender: form.gender,
      topics: form.topics,
      contentSummaryEnc: encryptField(keyring, form.contentSummary),
      responseSummaryEnc: encryptField(keyring, form.responseSummary),
      outcome: form.outcome,
      referralAgencyId: form.referralAgencyId ?? null,
      emergency: form.emergency,
      emergencyNoteEnc: form.emergencyNote ? encryptField(keyring, form.emergencyNote) : null,
      consentToShare: form.consentToShare,
      outOfScope: form.outOfScope,
      draftEnc: null,
      finalizedAt: input.at,
      updatedAt: input.at,
      updatedBy: actor.id,
    };
    await tx.insert(consultationRecords).values({ consultationId: row.id, ...record }).onConflictDoUpdate({ target: consultationRecords.consultationId, set: record });
    await tx.update(consultations).set({ status: "closed", closedAt: input.at, closeReason: "completed", closedBy: actor.id }).where(eq(consultations.id, row.id));
    await recordConsultationTimings(tx, [row.id], input.at);
    await appendAudit(tx, {
      action: "consultation.closed",
      actor,
      target: `consultation:${row.id}`,
      details: { outcome: form.outcome, emergency: form.emergency, consentToShare: form.consentToShare, outOfScope: form.outOfScope },
    });
    await publishConsoleEvent(tx, { kind: "closed", consultationId: row.id });
    return { ok: true as const };
  });
}
