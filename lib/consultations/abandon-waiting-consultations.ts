import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { Keyring } from "@/lib/crypto";
import { consultations } from "@/db/schema";
import { closeConsultation } from "./close-consultation";
import { isWaiting } from "./phase";

/**
 * A youth who leaves before anyone answered (blocks the account while waiting) is counted as
 * abandoned: their waiting consultation closes with that reason and leaves the queue.
 */
export async function abandonWaitingConsultations(tx: DbOrTx, input: { youthId: string; at: Date }, keyring: Keyring): Promise<number> {
  const waiting = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(isWaiting(), eq(consultations.youthId, input.youthId)))
    .for("update");
  let closed = 0;
  for (const { id } of waiting) {
    if (await closeConsultation(tx, { consultationId: id, reason: "abandoned", at: input.at, by: "youth" }, keyring)) closed += 1;
  }
  return closed;
}
