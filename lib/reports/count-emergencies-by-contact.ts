import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, emergencies, emergencyContactKinds, emergencyContacts } from "@/db/schema";
import type { DateRange } from "@/lib/calendar";
import type { CountRow } from "./schemas";
import { receivedIn } from "./sql";

/**
 * 緊急対応 by whom was contacted: per contact kind, the emergencies of the period (by when their
 * consultation was received, like every other count) that contacted it at least once, so two calls to
 * the police in one emergency count once. Kinds in the admins' order with zeros;
 * a retired kind only when it was used.
 */
export async function countEmergenciesByContact(db: DbOrTx, range: DateRange): Promise<CountRow[]> {
  const counted = await db
    .select({ kindId: emergencyContacts.kindId, n: sql<number>`count(distinct ${emergencyContacts.emergencyId})::int` })
    .from(emergencyContacts)
    .innerJoin(emergencies, eq(emergencies.id, emergencyContacts.emergencyId))
    .innerJoin(consultations, eq(consultations.id, emergencies.consultationId))
    .where(receivedIn(range))
    .groupBy(emergencyContacts.kindId);
  const counts = new Map(counted.map((row) => [row.kindId, Number(row.n)]));
  const kinds = await db.select().from(emergencyContactKinds).orderBy(asc(emergencyContactKinds.sortOrder), asc(emergencyContactKinds.label));
  return kinds.filter((kind) => kind.active || counts.has(kind.id)).map((kind) => ({ id: kind.id, label: kind.label, count: counts.get(kind.id) ?? 0 }));
}
