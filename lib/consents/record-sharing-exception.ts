import type { Db } from "@/db";
import { sharingExceptions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { parseSharingInput, sharingExceptionInputSchema } from "./consent-input";
import { agencyIsListed, lockConsultationForSharing } from "./lock-consultation-for-sharing";
import type { SharingWriteResult } from "./record-consent";

/**
 * Records the R10 exception: information passed on without consent because the youth's life or body
 * was in danger, with the reason (encrypted), the supervisor who decided with the counselor, and when.
 */
export async function recordSharingException(db: Db, input: { consultationId: string; exception: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<SharingWriteResult> {
  const parsed = parseSharingInput(sharingExceptionInputSchema, input.exception, { recipient: true, scope: false });
  if (!parsed.ok) return parsed;
  const exception = parsed.data;
  return db.transaction(async (tx) => {
    await lockConsultationForSharing(tx, input.consultationId, actor, { anyPhase: false });
    if (exception.agencyId && !(await agencyIsListed(tx, exception.agencyId))) return { ok: false as const, fieldErrors: { agencyId: ja.consent.errors.agency } };
    const [row] = await tx
      .insert(sharingExceptions)
      .values({
        consultationId: input.consultationId,
        agencyId: exception.agencyId ?? null,
        recipientEnc: exception.recipient ? encryptField(keyring, exception.recipient) : null,
        reasonEnc: encryptField(keyring, exception.reason),
        supervisorName: exception.supervisorName,
        decidedAt: exception.decidedAt,
        recordedBy: actor.id,
        recordedAt: input.at,
      })
      .returning({ id: sharingExceptions.id });
    await appendAudit(tx, { action: "consent.exception_recorded", actor, target: `consultation:${input.consultationId}`, details: { exceptionId: row!.id, agencyId: exception.agencyId ?? null } });
    return { ok: true as const, id: row!.id };
  });
}
