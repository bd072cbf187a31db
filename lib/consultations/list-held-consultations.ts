import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, youths } from "@/db/schema";
import { isActive } from "./phase";

/**
 * The consultations one counselor holds, oldest claim first: the console's tabs, with the youth messages
 * the counselor has not seen yet (after the newest message their conversation page showed them).
 */
export async function listHeldConsultations(tx: DbOrTx, staffId: string) {
  return tx
    .select({
      id: consultations.id,
      pseudonym: youths.pseudonym,
      priority: consultations.priority,
      channel: consultations.channel,
      unread: sql<number>`(select count(*)::int from consultation_messages m where m.consultation_id = ${consultations.id} and m.sender = 'youth'
        and m.sent_at > coalesce((select r.read_up_to from consultation_reads r where r.consultation_id = ${consultations.id} and r.staff_id = ${staffId}), '-infinity'))`,
    })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .where(and(isActive(), eq(consultations.assignedTo, staffId)))
    .orderBy(asc(consultations.claimedAt));
}
