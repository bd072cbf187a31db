import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationMessages, lineOutbox } from "@/db/schema";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { loadConsultationForUpdate } from "./load-consultation-for-update";

/**
 * Puts a failed message's LINE call back in the queue. It keeps its retry key, so if LINE did accept
 * an earlier attempt whose answer was lost, LINE still delivers it only once.
 */
export async function retryCounselorMessage(db: Db, messageId: string, actor: ConsoleActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [message] = await tx.select().from(consultationMessages).where(eq(consultationMessages.id, messageId));
    if (!message || message.sender !== "counselor" || !message.outboxId) throw new ConsoleError("not_found");
    await loadConsultationForUpdate(tx, message.consultationId, actor, { supervisorToo: false, secondResponderToo: true });
    const requeued = await tx
      .update(lineOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: null, lastError: null, leaseUntil: null })
      .where(and(eq(lineOutbox.id, message.outboxId), eq(lineOutbox.status, "failed"), isNotNull(lineOutbox.payloadEnc)))
      .returning({ id: lineOutbox.id });
    if (requeued.length === 0) throw new ConsoleError("not_failed");
    await publishConsoleEvent(tx, { kind: "delivery", consultationId: message.consultationId });
  });
}
