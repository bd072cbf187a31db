import { and, eq, isNotNull, sql } from "drizzle-orm";
import { consultationRecords, consultations } from "@/db/schema";

/**
 * A consultation that ended without its record: the youth ended it, it closed for inactivity or at
 * closing time while a counselor held it. Its last holder (or a supervisor) still owes the record (R17).
 * A consultation nobody claimed has no counselor to write one; the reports count it as abandoned.
 */
export const isRecordPending = () =>
  and(
    eq(consultations.status, "closed"),
    isNotNull(consultations.assignedTo),
    sql`not exists (select 1 from ${consultationRecords} where ${consultationRecords.consultationId} = ${consultations.id} and ${consultationRecords.finalizedAt} is not null)`,
  );

/** The same question for one row already loaded, with its record's finalizedAt (null when none). */
export function recordIsPending(row: { status: "open" | "closed"; assignedTo: string | null }, finalizedAt: Date | null): boolean {
  return row.status === "closed" && row.assignedTo !== null && finalizedAt === null;
}
