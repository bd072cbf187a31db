import type { DbOrTx } from "@/db";
import { findQueuePosition } from "@/lib/consultations";
import type { Wait } from "./decide-auto-reply";
import { estimateWaitCached } from "./estimate-wait-cached";

/** The consultation's place in the queue (always current) and its estimated wait (reused for a minute), or null when a counselor holds it. */
export async function findWait(tx: DbOrTx, consultationId: string, at: Date): Promise<Wait> {
  const position = await findQueuePosition(tx, consultationId);
  return position === null ? null : { position, minutes: await estimateWaitCached(tx, { position, at }) };
}
