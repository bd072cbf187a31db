import { format } from "date-fns";
import { calendarDateOf, clockOf, inTokyo, isEndOfDay } from "@/lib/calendar";
import type { Session } from "./sessions";

/**
 * "2024-08-03 20:00-24:00" in JST, one session per line for the CLI and for diffing against a
 * hand-written list. A session running past midnight prints its end as "YYYY-MM-DD HH:MM".
 */
export function formatOpeningLine(session: Session): string {
  const day = calendarDateOf(session.start);
  const end = isEndOfDay(day, session.end)
    ? "24:00"
    : calendarDateOf(session.end) === day
      ? clockOf(session.end, "HH:mm")
      : format(session.end, "yyyy-MM-dd HH:mm", { in: inTokyo });
  return `${day} ${clockOf(session.start, "HH:mm")}-${end}`;
}
