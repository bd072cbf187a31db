import { parseSchedule } from "../parse-schedule";
import type { Schedule } from "../schema";
import { ScheduleValidationError } from "./errors";

/** A stored version that no longer validates throws rather than silently answering youth with wrong hours. */
export function parseStoredVersion(row: { version: number; definition: unknown }): Schedule {
  const parsed = parseSchedule(row.definition);
  if (!parsed.success) throw new ScheduleValidationError(parsed.issues, `保存済みのスケジュール（第${row.version}版）が正しくありません`);
  return parsed.schedule;
}
