import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, youths } from "@/db/schema";
import { isActive } from "./phase";

/** The consultations one counselor holds, oldest claim first: the console's tabs. */
export async function listHeldConsultations(tx: DbOrTx, staffId: string) {
  return tx
    .select({ id: consultations.id, pseudonym: youths.pseudonym, priority: consultations.priority, channel: consultations.channel })
    .from(consultations)
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .where(and(isActive(), eq(consultations.assignedTo, staffId)))
    .orderBy(asc(consultations.claimedAt));
}
