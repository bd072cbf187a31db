import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { publishConsoleEvent } from "@/lib/realtime";
import { isWaiting } from "./phase";
import { recordConsultationTimings } from "./record-consultation-timings";

/**
 * A youth who leaves before anyone answered (blocks the account while waiting) is counted as
 * abandoned: their waiting consultation closes with that reason and leaves the queue.
 */
export async function abandonWaitingConsultations(tx: DbOrTx, youthId: string, at: Date): Promise<number> {
  const closed = await tx
    .update(consultations)
    .set({ status: "closed", closedAt: at, closeReason: "abandoned" })
    .where(and(isWaiting(), eq(consultations.youthId, youthId)))
    .returning({ id: consultations.id });
  await recordConsultationTimings(tx, closed.map((row) => row.id), at);
  for (const { id } of closed) await publishConsoleEvent(tx, { kind: "queue", consultationId: id });
  return closed.length;
}
