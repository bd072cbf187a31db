import { findCurrentSession } from "./find-current-session";
import type { Schedule } from "./schema";

/** Whether a counselor is on duty at `instant`. Messages are received at any hour regardless. */
export function isStaffedAt(schedule: Schedule, instant: Date): boolean {
  return findCurrentSession(schedule, instant) !== null;
}
