import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { loadConsultationForUpdate } from "./load-consultation-for-update";
import { recordConsultationTimings } from "./record-consultation-timings";
import { validateRecordForm, type FieldErrors } from "./record-form";
import { writeConsultationRecord } from "./write-consultation-record";

export type CloseResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Closes a consultation with its record (R17), validated against the record form version in force and
 * pinned to it. An incomplete form is refused with a Japanese message per field and changes nothing;
 * the draft stays. The holder closes; a supervisor may too.
 */
export async function closeConsultation(db: Db, input: { consultationId: string; form: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<CloseResult> {
  const recordForm = await loadCurrentForm(db, "record");
  const validated = validateRecordForm(recordForm.definition, input.form);
  if (!validated.ok) return validated;
  const { form } = validated;
  return db.transaction(async (tx) => {
    const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    const fieldErrors = await writeConsultationRecord(tx, row.id, form, actor, { at: input.at, keyring, formVersionId: recordForm.id });
    if (fieldErrors) return { ok: false as const, fieldErrors };
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
