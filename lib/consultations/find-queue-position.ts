import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { isWaiting } from "./phase";

/**
 * A waiting consultation's place in the counselors' queue, counted as the queue orders it (higher
 * priority first, then longest waiting), so a youth whose words raised the risk is told the place
 * they really have. 1 means nobody is ahead. Null when it is not waiting (held, closed, unknown).
 */
export async function findQueuePosition(tx: DbOrTx, consultationId: string): Promise<number | null> {
  const [self] = await tx
    .select({ openedAt: consultations.openedAt, priority: consultations.priority })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), isWaiting()));
  if (!self) return null;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(
      and(
        isWaiting(),
        or(gt(consultations.priority, self.priority), and(eq(consultations.priority, self.priority), lt(consultations.openedAt, self.openedAt))),
      ),
    );
  return (row?.n ?? 0) + 1;
}
