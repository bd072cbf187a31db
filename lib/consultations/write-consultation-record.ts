import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consultationRecords, supportAgencies } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import type { ConsoleActor } from "./actor";
import { deriveVisit } from "./derive-visit";
import { hasSharingBasis } from "./has-sharing-basis";
import type { FieldErrors, RecordForm } from "./record-form";

/**
 * Stores a validated record form as the consultation's final record (R17), replacing its draft, pinned
 * to the record form version it was validated against.
 * Returns field errors instead, and writes nothing, when the chosen agency is no longer listed (or is a
 * seeded example no admin confirmed: reports would print it), or when
 * information was passed on with neither a standing consent nor an R10 exception on record (R11).
 */
export async function writeConsultationRecord(tx: Tx, consultationId: string, form: RecordForm, actor: ConsoleActor, deps: { at: Date; keyring: Keyring; formVersionId: string }): Promise<FieldErrors | null> {
  if (form.referralAgencyId) {
    const [agency] = await tx.select({ id: supportAgencies.id }).from(supportAgencies).where(and(eq(supportAgencies.id, form.referralAgencyId), eq(supportAgencies.active, true), eq(supportAgencies.isExample, false)));
    if (!agency) return { referralAgencyId: ja.console.recordErrors.agencyRetired };
  }
  if (form.informationShared && !(await hasSharingBasis(tx, consultationId))) return { informationShared: ja.consent.noBasis };
  const record = {
    formVersionId: deps.formVersionId,
    ageBand: form.ageBand,
    gender: form.gender,
    topics: form.topics,
    requester: form.requester ?? null,
    visit: form.visit ?? (await deriveVisit(tx, consultationId)),
    actions: form.actions,
    contentSummaryEnc: encryptField(deps.keyring, form.contentSummary),
    responseSummaryEnc: encryptField(deps.keyring, form.responseSummary),
    outcome: form.outcome,
    referralAgencyId: form.referralAgencyId ?? null,
    emergency: form.emergency,
    emergencyNoteEnc: form.emergencyNote ? encryptField(deps.keyring, form.emergencyNote) : null,
    informationShared: form.informationShared,
    outOfScope: form.outOfScope,
    draftEnc: null,
    finalizedAt: deps.at,
    updatedAt: deps.at,
    updatedBy: actor.id,
  };
  await tx.insert(consultationRecords).values({ consultationId, ...record }).onConflictDoUpdate({ target: consultationRecords.consultationId, set: record });
  return null;
}
