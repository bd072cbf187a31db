import type { DbOrTx } from "@/db";
import { estimateWaitMinutes, findQueuePosition } from "@/lib/consultations";
import type { Wait } from "./decide-auto-reply";

/** The consultation's place in the queue and its estimated wait, or null when a counselor holds it. */
export async function findWait(tx: DbOrTx, consultationId: string, at: Date): Promise<Wait> {
  const position = await findQueuePosition(tx, consultationId);
  return position === null ? null : { position, minutes: await estimateWaitMinutes(tx, { position, at }) };
}
