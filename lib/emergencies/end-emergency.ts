import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { emergencies } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { closeConsultation, prefillEmergencyRecord, type ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { loadEmergencyForUpdate } from "./load-emergency-for-update";
import { ja } from "@/lib/i18n/ja";

const summarySchema = z.string({ error: ja.emergency.errors.summary_required }).trim().min(1, ja.emergency.errors.summary_required).max(4000, ja.emergency.fieldErrors.summaryTooLong);

export type EndEmergencyResult = { ok: true } | { ok: false; fieldErrors: { summary: string } };

/**
 * Ends the emergency with a summary, and with it the consultation, closed as an emergency by the
 * lifecycle's one owner. The record the holder still owes starts prefilled with outcome 緊急対応 and the
 * summary as what was done, so the consultation counts as an emergency once the record is written.
 */
export async function endEmergency(db: Db, input: { emergencyId: string; summary: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<EndEmergencyResult> {
  const parsed = summarySchema.safeParse(input.summary);
  if (!parsed.success) return { ok: false, fieldErrors: { summary: parsed.error.issues[0]!.message } };
  const summary = parsed.data;
  await db.transaction(async (tx) => {
    const emergency = await loadEmergencyForUpdate(tx, input.emergencyId, actor);
    await tx.update(emergencies).set({ endedAt: input.at, endedBy: actor.id, summaryEnc: encryptField(keyring, summary) }).where(eq(emergencies.id, emergency.id));
    await appendAudit(tx, { action: "emergency.ended", actor, target: `emergency:${emergency.id}`, details: { consultationId: emergency.consultationId } });
    await prefillEmergencyRecord(tx, { consultationId: emergency.consultationId, note: summary, at: input.at }, actor, keyring);
    await closeConsultation(tx, { consultationId: emergency.consultationId, reason: "emergency", at: input.at, by: actor, details: { emergencyId: emergency.id } }, keyring);
  });
  return { ok: true };
}
