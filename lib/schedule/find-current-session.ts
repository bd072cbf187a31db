import { calendarDateOf } from "@/lib/calendar";
import type { Schedule } from "./schema";
import { generateSessions, type Session } from "./sessions";

/** The staffed session containing `instant` (start inclusive, end exclusive), or null. */
export function findCurrentSession(schedule: Schedule, instant: Date): Session | null {
  for (const session of generateSessions(schedule, calendarDateOf(instant))) {
    if (session.end > instant) return session.start <= instant ? session : null;
  }
  return null;
}
