import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { scheduleVersions } from "@/db/schema";
import type { Schedule } from "../schema";
import { parseStoredVersion } from "./parse-stored-version";

export interface StoredSchedule {
  version: number;
  schedule: Schedule;
  createdAt: Date;
  createdBy: string | null;
  note: string | null;
}

/**
 * The schedule in force: the highest version, or null before any is configured. A stored version
 * that no longer validates throws rather than silently answering youth with wrong hours.
 */
export async function loadCurrentSchedule(db: DbOrTx): Promise<StoredSchedule | null> {
  const [row] = await db.select().from(scheduleVersions).orderBy(desc(scheduleVersions.version)).limit(1);
  if (!row) return null;
  return { version: row.version, schedule: parseStoredVersion(row), createdAt: row.createdAt, createdBy: row.createdBy, note: row.note };
}
