import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations, safetyPlanVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { authorizeConsultationView, ConsoleError, MAX_MESSAGE_LENGTH, type ConsoleActor } from "@/lib/consultations";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { formatSafetyPlan } from "./format-safety-plan";
import { safetyPlanSchema } from "./plan-input";

export type SafetyPlanResult = { ok: true; version: number } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Saves the safety plan the holder is making with the youth as its next version (encrypted); earlier
 * versions, sent or not, stay. A plan too long to send as one message is refused.
 */
export async function saveSafetyPlan(db: Db, input: { consultationId: string; plan: unknown; at: Date }, actor: ConsoleActor, keyring: Keyring): Promise<SafetyPlanResult> {
  const parsed = safetyPlanSchema.safeParse(input.plan);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "warningSigns")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  if (formatSafetyPlan(parsed.data).length > MAX_MESSAGE_LENGTH) return { ok: false, fieldErrors: { warningSigns: ja.safetyPlan.errors.tooLong } };
  return db.transaction(async (tx) => {
    const view = await authorizeConsultationView(tx, input.consultationId, actor);
    if (!view.canReply) throw new ConsoleError(view.phase === "closed" ? "closed" : "not_holder");
    await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, input.consultationId)).for("update");
    const [last] = await tx.select({ version: safetyPlanVersions.version }).from(safetyPlanVersions).where(eq(safetyPlanVersions.consultationId, input.consultationId)).orderBy(desc(safetyPlanVersions.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(safetyPlanVersions)
      .values({ consultationId: input.consultationId, version, planEnc: encryptField(keyring, JSON.stringify(parsed.data)), savedBy: actor.id, savedAt: input.at })
      .returning({ id: safetyPlanVersions.id });
    await appendAudit(tx, { action: "safety_plan.saved", actor, target: `consultation:${input.consultationId}`, details: { safetyPlanVersionId: row!.id, version } });
    return { ok: true as const, version };
  });
}
