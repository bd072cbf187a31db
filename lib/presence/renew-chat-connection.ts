import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { youthChatConnections } from "@/db/schema";
import { leaseFrom } from "./lease";

/** The stream's heartbeat: the youth is still there. A connection already closed stays closed. */
export async function renewChatConnection(db: DbOrTx, connectionId: string, at: Date): Promise<void> {
  await db
    .update(youthChatConnections)
    .set({ lastSeenAt: at, leaseUntil: leaseFrom(at) })
    .where(and(eq(youthChatConnections.id, connectionId), isNull(youthChatConnections.closedAt)));
}
