import type { Db } from "@/db";
import { appendAudit } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import type { ConsoleActor } from "./actor";
import type { CloseResult } from "./close-consultation-with-record";
import { ConsoleError } from "./errors";
import { loadConsultationForUpdate } from "./load-consultation-for-update";
import { validateRecordForm } from "./record-form";
import { writeConsultationRecord } from "./write-consultation-record";

/**
 * Writes the record of a consultation that ended without one (the youth ended it, or it closed for
 * inactivity or at closing time while held). The same form and rules as closing; how it ended stays
 * as it was. Its last holder writes it, or a supervisor (for a counselor who has since left).
 */
export async function finishConsultationRecord(db: Db, input: { consultationId: string; form: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<CloseResult> {
  const recordForm = await loadCurrentForm(db, "record");
  const validated = validateRecordForm(recordForm.definition, input.form);
  if (!validated.ok) return validated;
  const { form } = validated;
  return db.transaction(async (tx) => {
    const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true, recordPendingToo: true });
    if (row.status === "open") throw new ConsoleError("still_open");
    const fieldErrors = await writeConsultationRecord(tx, row.id, form, actor, { at: input.at, keyring, formVersionId: recordForm.id });
    if (fieldErrors) return { ok: false as const, fieldErrors };
    await appendAudit(tx, {
      action: "consultation.record_finished",
      actor,
      target: `consultation:${row.id}`,
      details: { closeReason: row.closeReason, outcome: form.outcome, emergency: form.emergency, informationShared: form.informationShared, outOfScope: form.outOfScope },
    });
    return { ok: true as const };
  });
}
