import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { safetyPlanVersions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { authorizeConsultationView, ConsoleError, sendCounselorMessage, type ChatMode, type ConsoleActor } from "@/lib/consultations";
import { decryptField, type Keyring } from "@/lib/crypto";
import { formatSafetyPlan } from "./format-safety-plan";
import { safetyPlanSchema } from "./plan-input";

/**
 * Sends the latest saved version of the plan to the youth as the holder's message, so it goes wherever
 * the conversation is: the secure chat (LINE gets only the content-free notice) or, in line mode, the
 * LINE talk. The version remembers when it was sent and by which message, in the same transaction.
 * The caller wakes the LINE workers after the commit.
 */
export async function sendSafetyPlan(
  db: Db,
  input: { consultationId: string; at: Date; mode: ChatMode; liffUrl?: string | null },
  actor: ConsoleActor,
  keyring: Keyring,
): Promise<{ ok: true; version: number } | { ok: false; reason: "nothing_to_send" }> {
  return db.transaction(async (tx) => {
    const view = await authorizeConsultationView(tx, input.consultationId, actor);
    if (!view.canReply) throw new ConsoleError(view.phase === "closed" ? "closed" : "not_holder");
    const [latest] = await tx.select().from(safetyPlanVersions).where(eq(safetyPlanVersions.consultationId, input.consultationId)).orderBy(desc(safetyPlanVersions.version)).limit(1).for("update");
    if (!latest?.planEnc) return { ok: false as const, reason: "nothing_to_send" as const };
    const plan = safetyPlanSchema.parse(JSON.parse(decryptField(keyring, latest.planEnc)));
    // Inside this transaction (as a savepoint): the message and the version's mark commit together.
    const { messageId } = await sendCounselorMessage(tx, { consultationId: input.consultationId, text: formatSafetyPlan(plan), at: input.at, mode: input.mode, liffUrl: input.liffUrl }, actor, keyring);
    await tx.update(safetyPlanVersions).set({ sentAt: input.at, sentBy: actor.id, messageId }).where(eq(safetyPlanVersions.id, latest.id));
    await appendAudit(tx, { action: "safety_plan.sent", actor, target: `consultation:${input.consultationId}`, details: { safetyPlanVersionId: latest.id, version: latest.version, messageId } });
    return { ok: true as const, version: latest.version };
  });
}
