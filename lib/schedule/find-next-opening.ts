import { calendarDateOf } from "@/lib/calendar";
import type { Schedule } from "./schema";
import { generateSessions, type Session } from "./sessions";

export type FindNextOpeningOptions = {
  /**
   * Also accept the session under way at `instant`. An auto-reply asks "when will a counselor
   * read this?", which is now when staffed; a closing-time notice asks for the one after (default).
   */
  includeCurrent?: boolean;
};

/** The next staffed session starting after `instant`, or null when the service period has ended. */
export function findNextOpening(schedule: Schedule, instant: Date, options: FindNextOpeningOptions = {}): Session | null {
  for (const session of generateSessions(schedule, calendarDateOf(instant))) {
    if (session.start > instant || (options.includeCurrent && session.end > instant)) return session;
  }
  return null;
}
