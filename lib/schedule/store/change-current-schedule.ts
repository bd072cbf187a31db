import type { Db } from "@/db";
import type { Actor } from "@/lib/auth";
import type { Schedule } from "../schema";
import { appendScheduleVersion, type NextVersion } from "./append-schedule-version";
import { ScheduleChangeError } from "./errors";
import { parseStoredVersion } from "./parse-stored-version";

export type CurrentVersion = { version: number; schedule: Schedule };

/**
 * Saves `change(current)` as the next version, reading `current` under the schedule lock: the
 * admin screen changes one part at a time (one closure, the weekly rules) and must not undo what
 * another admin saved between loading the page and pressing the button. With `createIfNone`, the
 * first version may be made this way (current is then null); otherwise there must be one.
 */
export function changeCurrentSchedule(db: Db, actor: Actor, at: Date, change: (current: CurrentVersion) => NextVersion): Promise<{ version: number }>;
export function changeCurrentSchedule(
  db: Db,
  actor: Actor,
  at: Date,
  change: (current: CurrentVersion | null) => NextVersion,
  options: { createIfNone: true },
): Promise<{ version: number }>;
export async function changeCurrentSchedule(
  db: Db,
  actor: Actor,
  at: Date,
  change: (current: CurrentVersion) => NextVersion,
  options: { createIfNone?: boolean } = {},
): Promise<{ version: number }> {
  const saved = await appendScheduleVersion(
    db,
    (previous) => {
      if (!previous && !options.createIfNone) throw new ScheduleChangeError("no_schedule");
      // With createIfNone the caller's `change` accepts null (the overloads above say so).
      return change((previous && { version: previous.version, schedule: parseStoredVersion(previous) }) as CurrentVersion);
    },
    { actor, at },
  );
  // Only an `onlyIfNone` save may skip; this one never asks to.
  if (!saved) throw new Error("a schedule version was not saved");
  return saved;
}
