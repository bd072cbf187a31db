import type { Db } from "@/db";
import type { Actor } from "@/lib/auth";
import { appendScheduleVersion } from "./append-schedule-version";

/**
 * R5: saves schedule data (from the admin form or a preset) as the new current version.
 * Invalid data throws ScheduleValidationError, carrying the Japanese messages, before anything is
 * written. `actor` is null only for the command line and the demo seed; `at` is the version's createdAt.
 */
export async function saveSchedule(db: Db, input: unknown, actor: Actor | null, at: Date, note?: string): Promise<{ version: number }> {
  const saved = await appendScheduleVersion(db, () => ({ input, note: note?.trim() || null }), { actor, at });
  // Only an `onlyIfNone` save may skip; this one never asks to.
  if (!saved) throw new Error("a schedule version was not saved");
  return saved;
}
