import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emergencyContactKinds } from "@/db/schema";

/** The contact kinds in their order; retired ones only when asked (the admin list, the report). */
export async function listEmergencyContactKinds(db: DbOrTx, options: { includeRetired?: boolean } = {}) {
  const query = db
    .select({ id: emergencyContactKinds.id, label: emergencyContactKinds.label, sortOrder: emergencyContactKinds.sortOrder, active: emergencyContactKinds.active })
    .from(emergencyContactKinds)
    .$dynamic();
  if (!options.includeRetired) query.where(eq(emergencyContactKinds.active, true));
  return query.orderBy(asc(emergencyContactKinds.sortOrder), asc(emergencyContactKinds.label));
}
