import { calendarDateOf } from "@/lib/calendar";
import type { Schedule } from "./schema";
import { generateSessions, type Session } from "./sessions";

/** Every staffed session overlapping [from, to), in order, whole (not clipped to the range). */
export function listOpenings(schedule: Schedule, from: Date, to: Date): Session[] {
  const sessions: Session[] = [];
  if (to <= from) return sessions;
  for (const session of generateSessions(schedule, calendarDateOf(from))) {
    if (session.start >= to) break;
    if (session.end > from) sessions.push(session);
  }
  return sessions;
}
