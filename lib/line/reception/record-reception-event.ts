import type { DbOrTx } from "@/db";
import { receptionEvents } from "@/db/schema";

export type ReceptionEventKind = (typeof receptionEvents.$inferInsert)["kind"];

/** Counts a friend added, unblocked or blocked for the reception status (月例受付状況): the kind and time only, never who. */
export async function recordReceptionEvent(tx: DbOrTx, kind: ReceptionEventKind, at: Date): Promise<void> {
  await tx.insert(receptionEvents).values({ kind, at });
}
