import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { youths } from "@/db/schema";

/** A youth who blocked the account cannot be reached: no push is sent until they add it again. */
export async function setYouthFollowing(tx: DbOrTx, youthId: string, following: boolean, at: Date): Promise<void> {
  await tx
    .update(youths)
    .set({ following, unfollowedAt: following ? null : at })
    .where(eq(youths.id, youthId));
}
