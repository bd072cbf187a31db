import { and, eq, gt, isNull, max, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { youthChatConnections } from "@/db/schema";

export interface ChatPresence {
  /** A stream of this youth's is open on some instance (its lease has not run out). */
  connected: boolean;
  /** The last moment any of their streams was known alive; null when none in the retained history. */
  lastSeenAt: Date | null;
}

/** Whether the youth has the secure chat open now, and when they last had it open. Read from the database, so every instance agrees. */
export async function findChatPresence(tx: DbOrTx, youthId: string, at: Date): Promise<ChatPresence> {
  const live = and(isNull(youthChatConnections.closedAt), gt(youthChatConnections.leaseUntil, at));
  const [row] = await tx
    .select({
      lastSeenAt: max(youthChatConnections.lastSeenAt),
      connected: sql<boolean>`coalesce(bool_or(${live}), false)`,
    })
    .from(youthChatConnections)
    .where(eq(youthChatConnections.youthId, youthId));
  const lastSeenAt = row?.lastSeenAt ?? null;
  return { connected: row?.connected === true, lastSeenAt: lastSeenAt === null ? null : new Date(lastSeenAt) };
}
