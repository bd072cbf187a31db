import type { Db } from "@/db";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { inviteSurvey } from "@/lib/surveys";
import type { ConsoleActor } from "./actor";
import { closeConsultation } from "./close-consultation";
import { loadConsultationForUpdate } from "./load-consultation-for-update";
import { validateRecordForm, type FieldErrors } from "./record-form";
import { writeConsultationRecord } from "./write-consultation-record";

export type CloseResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Closes a consultation with its record (R17), validated against the record form version in force and
 * pinned to it. An incomplete form is refused with a Japanese message per field and changes nothing;
 * the draft stays. The holder closes; a supervisor may too.
 */
export async function closeConsultationWithRecord(
  db: Db,
  input: { consultationId: string; form: unknown; at: Date },
  actor: ConsoleActor,
  keyring: Keyring,
): Promise<CloseResult> {
  const recordForm = await loadCurrentForm(db, "record");
  const validated = validateRecordForm(recordForm.definition, input.form);
  if (!validated.ok) return validated;
  const { form } = validated;
  return db.transaction(async (tx) => {
    const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    const fieldErrors = await writeConsultationRecord(tx, row.id, form, actor, { at: input.at, keyring, formVersionId: recordForm.id });
    if (fieldErrors) return { ok: false as const, fieldErrors };
    await closeConsultation(tx, {
      consultationId: row.id,
      reason: "completed",
      at: input.at,
      by: actor,
      details: { outcome: form.outcome, emergency: form.emergency, informationShared: form.informationShared, outOfScope: form.outOfScope },
    }, keyring);
    // A separate step after the close, so the closing message and the survey invitation stay apart.
    await inviteSurvey(tx, { consultationId: row.id, at: input.at }, keyring);
    return { ok: true as const };
  });
}
