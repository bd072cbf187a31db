import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { youthChatConnections } from "@/db/schema";

/** The page went away (closed, hidden, or the network dropped): replies from now on earn a LINE notice. */
export async function closeChatConnection(db: DbOrTx, connectionId: string, at: Date): Promise<void> {
  await db
    .update(youthChatConnections)
    .set({ closedAt: at, lastSeenAt: at, leaseUntil: at })
    .where(and(eq(youthChatConnections.id, connectionId), isNull(youthChatConnections.closedAt)));
}
