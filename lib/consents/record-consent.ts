import type { Db } from "@/db";
import { consents } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { consentInputSchema, parseSharingInput, type ConsentFieldErrors } from "./consent-input";
import { agencyIsListed, lockConsultationForSharing } from "./lock-consultation-for-sharing";

export type SharingWriteResult = { ok: true; id: string } | { ok: false; fieldErrors: ConsentFieldErrors };

/**
 * Records a youth's consent (R11) on a consultation: to whom, what may be passed on, when they agreed
 * and in what words (encrypted). Invalid input gets one Japanese message per field and writes nothing.
 */
export async function recordConsent(db: Db, input: { consultationId: string; consent: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<SharingWriteResult> {
  const parsed = parseSharingInput(consentInputSchema, input.consent, { recipient: true, scope: true });
  if (!parsed.ok) return parsed;
  const consent = parsed.data;
  return db.transaction(async (tx) => {
    await lockConsultationForSharing(tx, input.consultationId, actor, { anyPhase: false });
    if (consent.agencyId && !(await agencyIsListed(tx, consent.agencyId))) return { ok: false as const, fieldErrors: { agencyId: ja.consent.errors.agency } };
    const [row] = await tx
      .insert(consents)
      .values({
        consultationId: input.consultationId,
        agencyId: consent.agencyId ?? null,
        recipientEnc: consent.recipient ? encryptField(keyring, consent.recipient) : null,
        scopeItems: consent.scopeItems,
        scopeNoteEnc: consent.scopeNote ? encryptField(keyring, consent.scopeNote) : null,
        agreedAt: consent.agreedAt,
        wordsEnc: encryptField(keyring, consent.words),
        recordedBy: actor.id,
        recordedAt: input.at,
      })
      .returning({ id: consents.id });
    await appendAudit(tx, { action: "consent.recorded", actor, target: `consultation:${input.consultationId}`, details: { consentId: row!.id, agencyId: consent.agencyId ?? null } });
    return { ok: true as const, id: row!.id };
  });
}
