import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, consultationTimings, consultations } from "@/db/schema";
import { calendarDateOf } from "@/lib/calendar";
import { isStaffedAt, type Schedule } from "@/lib/schedule";
import { findScheduleCovering } from "@/lib/schedule/store";

const seconds = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

/**
 * R17's timings of closed consultations, computed from their events and stored, so reports read one
 * row per consultation. Every way a consultation closes calls this in the same transaction; running
 * it again recomputes (the backfill uses that). Open consultations are skipped: they have no end yet.
 */
export async function recordConsultationTimings(tx: DbOrTx, consultationIds: readonly string[], at: Date): Promise<void> {
  if (consultationIds.length === 0) return;
  const rows = await tx
    .select({
      id: consultations.id,
      openedAt: consultations.openedAt,
      closedAt: consultations.closedAt,
      firstClaimedAt: consultations.firstClaimedAt,
      firstClaimedBy: consultations.firstClaimedBy,
      youthMessages: sql<number>`count(${consultationMessages.id}) filter (where ${consultationMessages.sender} = 'youth')::int`,
      counselorMessages: sql<number>`count(${consultationMessages.id}) filter (where ${consultationMessages.sender} = 'counselor')::int`,
      firstReplyAt: sql<string | null>`min(${consultationMessages.sentAt}) filter (where ${consultationMessages.sender} = 'counselor')`,
    })
    .from(consultations)
    .leftJoin(consultationMessages, eq(consultationMessages.consultationId, consultations.id))
    .where(inArray(consultations.id, [...consultationIds]))
    .groupBy(consultations.id);
  const schedules = new Map<string, Schedule | null>();
  for (const row of rows) {
    if (!row.closedAt) continue;
    const day = calendarDateOf(row.openedAt);
    if (!schedules.has(day)) schedules.set(day, (await findScheduleCovering(tx, { from: day, to: day }))?.schedule ?? null);
    const schedule = schedules.get(day) ?? null;
    // Aggregates come back as text from raw SQL on both drivers.
    const firstReplyAt = row.firstReplyAt ? new Date(row.firstReplyAt) : null;
    const values = {
      receivedAt: row.openedAt,
      arrivedInStaffedHours: schedule ? isStaffedAt(schedule, row.openedAt) : false,
      firstClaimedAt: row.firstClaimedAt,
      firstClaimedBy: row.firstClaimedBy,
      firstReplyAt,
      closedAt: row.closedAt,
      waitingSeconds: seconds(row.openedAt, row.firstClaimedAt),
      firstResponseSeconds: seconds(row.openedAt, firstReplyAt),
      durationSeconds: seconds(row.firstClaimedAt, row.closedAt),
      youthMessages: Number(row.youthMessages),
      counselorMessages: Number(row.counselorMessages),
      computedAt: at,
    };
    await tx.insert(consultationTimings).values({ consultationId: row.id, ...values }).onConflictDoUpdate({ target: consultationTimings.consultationId, set: values });
  }
}
