import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, staff, youths } from "@/db/schema";
import { can } from "@/lib/auth";
import type { ConsoleActor } from "./actor";
import { isRecordPending } from "./record-pending";

/**
 * Consultations that ended without their record, oldest first: a counselor's own, or every one for a
 * supervisor, who finishes those of counselors who have left.
 */
export async function listPendingRecords(tx: DbOrTx, actor: ConsoleActor) {
  const mine = can(actor.role, "consultations.supervise") ? undefined : eq(consultations.assignedTo, actor.id);
  return tx
    .select({ id: consultations.id, pseudonym: youths.pseudonym, closedAt: consultations.closedAt, closeReason: consultations.closeReason, holderName: staff.displayName })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .leftJoin(staff, eq(staff.id, consultations.assignedTo))
    .where(and(isRecordPending(), mine))
    .orderBy(asc(consultations.closedAt));
}
