import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consents } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { parseSharingInput, withdrawalInputSchema } from "./consent-input";
import { lockConsultationForSharing } from "./lock-consultation-for-sharing";
import type { SharingWriteResult } from "./record-consent";

/**
 * Records that the youth withdrew a consent: when, and a note (encrypted). The consent stays, marked
 * withdrawn, and no longer allows sharing. Possible after the consultation closed, for whoever may read it.
 */
export async function withdrawConsent(db: Db, input: { consultationId: string; withdrawal: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<SharingWriteResult> {
  const parsed = parseSharingInput(withdrawalInputSchema, input.withdrawal, { recipient: false, scope: false });
  if (!parsed.ok) return parsed;
  const withdrawal = parsed.data;
  return db.transaction(async (tx) => {
    await lockConsultationForSharing(tx, input.consultationId, actor, { anyPhase: true });
    const [consent] = await tx
      .select({ id: consents.id, withdrawnAt: consents.withdrawnAt })
      .from(consents)
      .where(and(eq(consents.id, withdrawal.consentId), eq(consents.consultationId, input.consultationId)));
    if (!consent) return { ok: false as const, fieldErrors: { consentId: ja.consent.errors.notFound } };
    if (consent.withdrawnAt) return { ok: false as const, fieldErrors: { consentId: ja.consent.errors.alreadyWithdrawn } };
    await tx
      .update(consents)
      .set({ withdrawnAt: withdrawal.withdrawnAt, withdrawalNoteEnc: withdrawal.note ? encryptField(keyring, withdrawal.note) : null, withdrawalRecordedBy: actor.id })
      .where(eq(consents.id, consent.id));
    await appendAudit(tx, { action: "consent.withdrawn", actor, target: `consultation:${input.consultationId}`, details: { consentId: consent.id } });
    return { ok: true as const, id: consent.id };
  });
}
