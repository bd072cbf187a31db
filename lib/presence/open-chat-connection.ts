import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { youthChatConnections } from "@/db/schema";
import { CHAT_CONNECTION_RETENTION_MS, leaseFrom } from "./lease";

/**
 * The youth's secure chat opened its event stream: from now on a counselor's reply reaches them live,
 * so LINE stays silent. Returns the connection's id for its heartbeat and its end. Prunes the youth's
 * long-finished connections on the way, so the table holds about one day of history per youth.
 */
export async function openChatConnection(db: Db, youthId: string, at: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const cutoff = new Date(at.getTime() - CHAT_CONNECTION_RETENTION_MS);
    await tx.delete(youthChatConnections).where(and(eq(youthChatConnections.youthId, youthId), lt(youthChatConnections.lastSeenAt, cutoff)));
    const [row] = await tx
      .insert(youthChatConnections)
      .values({ youthId, connectedAt: at, lastSeenAt: at, leaseUntil: leaseFrom(at) })
      .returning({ id: youthChatConnections.id });
    return row!.id;
  });
}
