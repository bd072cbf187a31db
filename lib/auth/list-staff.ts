import { asc, isNull, and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, staffGrants, staffSessions } from "@/db/schema";

export async function listStaff(db: Db) {
  return db
    .select({
      id: staff.id,
      loginId: staff.loginId,
      displayName: staff.displayName,
      role: staff.role,
      qualifications: staff.qualifications,
      active: staff.active,
      hasSecondFactor: sql<boolean>`${staff.totpSecret} is not null`,
      lockedUntil: staff.lockedUntil,
      openSessions: sql<number>`count(${staffSessions.id})::int`,
      grants: sql<string[]>`coalesce((select array_agg(${staffGrants.action} order by ${staffGrants.action}) from ${staffGrants} where ${staffGrants.staffId} = ${staff.id}), '{}'::text[])`,
    })
    .from(staff)
    .leftJoin(staffSessions, and(eq(staffSessions.staffId, staff.id), isNull(staffSessions.revokedAt)))
    .groupBy(staff.id)
    .orderBy(asc(staff.loginId));
}
