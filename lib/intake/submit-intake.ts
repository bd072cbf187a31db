import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationMessages, consultations, youths } from "@/db/schema";
import { composeAutoReply } from "@/lib/autoreply";
import { assessYouthText, findOpenConsultation, openConsultation } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { FormVersionNotFoundError, loadFormVersion } from "@/lib/forms";
import { publishConsoleEvent } from "@/lib/realtime";
import { composeSafetyReply, storeSafetyReply } from "@/lib/safety";
import { validateIntakeForm, type IntakeFieldErrors } from "./intake-form-schema";

export type SubmitIntakeResult =
  | { ok: true; consultationId: string; opened: boolean }
  | { ok: false; reason: "invalid"; fieldErrors: IntakeFieldErrors }
  | { ok: false; reason: "unknown_version" | "already_answered" };

/**
 * The secure chat's intake (R13): stored on the youth's open consultation, which it opens (and queues)
 * when there is none, pinned to the version the youth was shown. The answers are choice ids; the
 * free text is encrypted. A consultation opened here gets the automatic reply (queue place, hours)
 * as a system line at once, as a first message would. The free text is assessed for risk like a message:
 * a high-risk one gets the safety reply instead. An intake already answered is not overwritten.
 */
export async function submitIntake(
  db: Db,
  input: { youthId: string; versionId: string; answers: unknown; at: Date; pagingConfigured: boolean },
  keyring: Keyring,
): Promise<SubmitIntakeResult> {
  const form = await loadFormVersion(db, "intake", input.versionId).catch((error: unknown) => {
    if (error instanceof FormVersionNotFoundError) return null;
    throw error;
  });
  if (!form) return { ok: false, reason: "unknown_version" };
  const validated = validateIntakeForm(form.definition, input.answers);
  if (!validated.ok) return { ok: false, reason: "invalid", fieldErrors: validated.fieldErrors };
  const { note, ...choices } = validated.form;
  return db.transaction(async (tx) => {
    // Two tabs submitting at once must not open two consultations.
    await tx.select({ id: youths.id }).from(youths).where(eq(youths.id, input.youthId)).for("update");
    const existing = await findOpenConsultation(tx, input.youthId);
    if (existing?.intakeAnsweredAt) return { ok: false as const, reason: "already_answered" as const };
    const consultation = existing ?? (await openConsultation(tx, input.youthId, "secure_chat", input.at));
    await tx
      .update(consultations)
      .set({ intake: choices, intakeVersionId: form.id, intakeAnsweredAt: input.at, intakeNoteEnc: note ? encryptField(keyring, note) : null, intakeStep: null })
      .where(eq(consultations.id, consultation.id));
    const risk = note ? await assessYouthText(tx, { consultation, source: "intake_note", text: note, at: input.at }) : null;
    const safety = risk && (await composeSafetyReply(tx, { consultationId: consultation.id, level: risk.level, at: input.at, pagingConfigured: input.pagingConfigured }));
    if (safety) {
      await storeSafetyReply(tx, { consultationId: consultation.id, via: "secure_chat", reply: safety, at: input.at }, keyring);
    } else if (!existing) {
      const reply = await composeAutoReply(tx, consultation.id, input.at);
      if (reply) await tx.insert(consultationMessages).values({ consultationId: consultation.id, sender: "system", kind: "text", bodyEnc: encryptField(keyring, reply), via: "secure_chat", sentAt: input.at });
    }
    await publishConsoleEvent(tx, { kind: existing ? "message" : "queue", consultationId: consultation.id });
    return { ok: true as const, consultationId: consultation.id, opened: !existing };
  });
}
