import { instantAt, type CalendarDate } from "@/lib/calendar";
import { listOpenings } from "./list-openings";
import type { Schedule } from "./schema";
import type { Session } from "./sessions";

const END_OF_DAY = 24 * 60;

/**
 * Sessions overlapping the JST calendar days `from` to `to`, both included: what an operator means
 * by "the openings from 7/22 to 3/31", from 00:00 of the first day to 24:00 of the last.
 */
export function listOpeningsBetweenDates(schedule: Schedule, from: CalendarDate, to: CalendarDate): Session[] {
  return listOpenings(schedule, instantAt(from, 0), instantAt(to, END_OF_DAY));
}
