import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, staff, youths } from "@/db/schema";

/** Every open consultation with its holder (null: waiting), for the supervisor's live view. */
export async function listLiveConsultations(tx: DbOrTx) {
  return tx
    .select({
      id: consultations.id,
      pseudonym: youths.pseudonym,
      channel: consultations.channel,
      priority: consultations.priority,
      openedAt: consultations.openedAt,
      claimedAt: consultations.claimedAt,
      lastYouthMessageAt: consultations.lastYouthMessageAt,
      holderId: consultations.assignedTo,
      holderName: staff.displayName,
    })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .leftJoin(staff, eq(staff.id, consultations.assignedTo))
    .where(eq(consultations.status, "open"))
    .orderBy(desc(consultations.priority), asc(consultations.openedAt));
}
