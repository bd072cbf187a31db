import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { scheduleVersions } from "@/db/schema";
import { parseSchedule } from "../parse-schedule";
import type { Schedule } from "../schema";
import { ScheduleValidationError } from "./errors";

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
  const parsed = parseSchedule(row.definition);
  if (!parsed.success) throw new ScheduleValidationError(parsed.issues, `保存済みのスケジュール（第${row.version}版）が正しくありません`);
  return { version: row.version, schedule: parsed.schedule, createdAt: row.createdAt, createdBy: row.createdBy, note: row.note };
}
