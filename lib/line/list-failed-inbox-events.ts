import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lineInbox } from "@/db/schema";

export interface FailedInboxEvent {
  receivedAt: Date;
  eventType: string;
  attempts: number;
  lastError: string | null;
}

/** The newest events given up on, for an administrator: what kind and why, never what they held. */
export async function listFailedInboxEvents(db: DbOrTx, limit = 50): Promise<FailedInboxEvent[]> {
  return db
    .select({ receivedAt: lineInbox.receivedAt, eventType: lineInbox.eventType, attempts: lineInbox.attempts, lastError: lineInbox.lastError })
    .from(lineInbox)
    .where(eq(lineInbox.status, "failed"))
    .orderBy(desc(lineInbox.receivedAt))
    .limit(limit);
}
