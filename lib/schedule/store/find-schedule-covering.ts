import { and, desc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { scheduleVersions } from "@/db/schema";
import type { CalendarDate } from "@/lib/calendar";
import type { StoredSchedule } from "./load-current-schedule";
import { loadCurrentSchedule } from "./load-current-schedule";
import { parseStoredVersion } from "./parse-stored-version";

/**
 * The schedule that governed the JST dates [from, to] (inclusive): the newest version whose service
 * period overlaps them. Reports and records of last year must not be judged by this year's contract
 * once a new fiscal year's schedule is saved. Falls back to the current version (whose period then
 * lies elsewhere, so those days count as unstaffed), or null before any schedule exists.
 */
export async function findScheduleCovering(db: DbOrTx, range: { from: CalendarDate; to: CalendarDate }): Promise<StoredSchedule | null> {
  const [row] = await db
    .select()
    .from(scheduleVersions)
    .where(
      and(
        sql`${scheduleVersions.definition} -> 'servicePeriod' ->> 'from' <= ${range.to}`,
        sql`${scheduleVersions.definition} -> 'servicePeriod' ->> 'to' >= ${range.from}`,
      ),
    )
    .orderBy(desc(scheduleVersions.version))
    .limit(1);
  if (!row) return loadCurrentSchedule(db);
  return { version: row.version, schedule: parseStoredVersion(row), createdAt: row.createdAt, createdBy: row.createdBy, note: row.note };
}
