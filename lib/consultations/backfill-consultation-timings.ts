import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { consultationTimings, consultations } from "@/db/schema";
import { recordConsultationTimings } from "./record-consultation-timings";

const BATCH = 500;

/**
 * Fills the timings of closed consultations that have none: those closed before timings were
 * recorded. Their first claim is taken from the last claim, the best the old rows know. Cheap when
 * nothing is missing, so every instance runs it at start; returns how many it filled.
 */
export async function backfillConsultationTimings(db: Db, at: Date): Promise<number> {
  await db
    .update(consultations)
    .set({ firstClaimedAt: consultations.claimedAt, firstClaimedBy: consultations.assignedTo })
    .where(and(isNull(consultations.firstClaimedAt), isNotNull(consultations.claimedAt)));
  let filled = 0;
  for (;;) {
    const missing = await db
      .select({ id: consultations.id })
      .from(consultations)
      .leftJoin(consultationTimings, eq(consultationTimings.consultationId, consultations.id))
      .where(and(eq(consultations.status, "closed"), isNull(consultationTimings.consultationId)))
      .orderBy(sql`${consultations.openedAt}`)
      .limit(BATCH);
    if (missing.length === 0) return filled;
    await db.transaction((tx) => recordConsultationTimings(tx, missing.map((row) => row.id), at));
    filled += missing.length;
  }
}
