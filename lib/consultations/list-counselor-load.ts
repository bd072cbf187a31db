import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { staff } from "@/db/schema";

/**
 * Each active counselor and supervisor with how many consultations they hold and whether they are
 * present: a session not revoked and seen within the idle timeout (sessions record last_seen about
 * once a minute, so presence is accurate to that).
 */
export async function listCounselorLoad(tx: DbOrTx, at: Date, idleMinutes: number) {
  const since = new Date(at.getTime() - idleMinutes * 60_000);
  return tx
    .select({
      id: staff.id,
      displayName: staff.displayName,
      role: staff.role,
      // "staff"."id" spelled out: drizzle leaves columns unqualified in a one-table select, and inside
      // these subqueries a bare "id" would mean the subquery's own table.
      active: sql<number>`(select count(*)::int from consultations c where c.assigned_to = "staff"."id" and c.status = 'open')`,
      present: sql<boolean>`exists (select 1 from staff_sessions s where s.staff_id = "staff"."id" and s.revoked_at is null and s.last_seen_at >= ${since.toISOString()}::timestamptz)`,
    })
    .from(staff)
    .where(and(eq(staff.active, true), inArray(staff.role, ["counselor", "supervisor"])))
    .orderBy(staff.displayName);
}
