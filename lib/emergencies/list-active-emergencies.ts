import { alias } from "drizzle-orm/pg-core";
import { asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, emergencies, staff, youths } from "@/db/schema";

const starter = alias(staff, "starter");
const joiner = alias(staff, "joiner");

/** Emergencies still under way, oldest first, for the supervisor's view (who started, who joined). */
export async function listActiveEmergencies(db: DbOrTx) {
  return db
    .select({
      id: emergencies.id,
      consultationId: emergencies.consultationId,
      pseudonym: youths.pseudonym,
      startedAt: emergencies.startedAt,
      startedByName: starter.displayName,
      joinedByName: joiner.displayName,
    })
    .from(emergencies)
    .innerJoin(consultations, eq(consultations.id, emergencies.consultationId))
    .innerJoin(youths, eq(youths.id, consultations.youthId))
    .innerJoin(starter, eq(starter.id, emergencies.startedBy))
    .leftJoin(joiner, eq(joiner.id, emergencies.joinedBy))
    .where(isNull(emergencies.endedAt))
    .orderBy(asc(emergencies.startedAt));
}
