import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationCloseReason, consultations } from "@/db/schema";
import { appendAudit, type AuditAction } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import { readsEasyJapanese } from "@/lib/forms";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { recordConsultationTimings } from "./record-consultation-timings";
import { sendClosingMessage } from "./send-closing-message";

export type CloseReason = (typeof consultationCloseReason.enumValues)[number];

/** Who ended it: a counselor or supervisor, the youth, or the service itself (inactivity, closing time, a block). */
export type Closer = ConsoleActor | "youth" | "system";

/** One audit action per way of ending, so an auditor filters the trail by it (R20). */
const auditActionOf: Record<CloseReason, AuditAction> = {
  completed: "consultation.closed",
  inactive: "consultation.auto_closed",
  abandoned: "consultation.abandoned",
  closing_time: "consultation.closed_at_closing_time",
  youth_ended: "consultation.youth_ended",
  emergency: "consultation.closed_as_emergency",
};

/**
 * The one way a consultation ends, whatever ends it: the state, its timings (R17), the audit row and
 * the console event happen together in the caller's transaction, or not at all. Only an open
 * consultation closes (a conditional update), so two closers racing close it once; returns whether
 * this call closed it. Whatever the reason, the youth is told it ended (the admins' closing message,
 * or `closingText` when the closer words it itself, as closing time does to name the next opening),
 * so a youth is never left wondering; a youth who blocked the account gets it kept, not pushed.
 */
export async function closeConsultation(
  tx: DbOrTx,
  input: { consultationId: string; reason: CloseReason; at: Date; by: Closer; details?: Record<string, unknown>; closingText?: string },
  keyring: Keyring,
): Promise<boolean> {
  const staff = typeof input.by === "string" ? null : input.by;
  const [closed] = await tx
    .update(consultations)
    .set({ status: "closed", closedAt: input.at, closeReason: input.reason, closedBy: staff?.id ?? null, secondResponderId: null })
    .where(and(eq(consultations.id, input.consultationId), eq(consultations.status, "open")))
    .returning({ id: consultations.id, youthId: consultations.youthId, channel: consultations.channel, intake: consultations.intake });
  if (!closed) return false;
  await sendClosingMessage(
    tx,
    {
      consultationId: closed.id,
      youthId: closed.youthId,
      channel: closed.channel,
      inactive: input.reason === "inactive",
      easy: readsEasyJapanese(closed.intake),
      text: input.closingText,
      push: input.reason !== "abandoned",
      at: input.at,
    },
    keyring,
  );
  await recordConsultationTimings(tx, [closed.id], input.at);
  await appendAudit(tx, {
    action: auditActionOf[input.reason],
    ...(staff ? { actor: staff } : { actorLabel: input.by as string }),
    target: `consultation:${closed.id}`,
    details: input.details,
  });
  // Ids only; the queue refreshes on any event and the conversation on its own id, so `closed` serves both.
  await publishConsoleEvent(tx, { kind: "closed", consultationId: closed.id });
  return true;
}
