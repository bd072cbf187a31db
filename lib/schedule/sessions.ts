import { addCalendarDays, instantAt, type CalendarDate } from "@/lib/calendar";
import { minutesOf } from "./time-of-day";
import { resolveDay } from "./resolve-day";
import type { Schedule } from "./schema";

/** A continuous staffed stretch, [start, end): at `end` nobody is on duty any more. */
export type Session = { start: Date; end: Date };

function sessionsOnDate(schedule: Schedule, date: CalendarDate): Session[] {
  return resolveDay(schedule, date)
    .timeframes.map((tf) => ({ start: instantAt(date, minutesOf(tf.start)), end: instantAt(date, minutesOf(tf.end)) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

const touches = (earlier: Session | undefined, later: Session | undefined) =>
  earlier !== undefined && later !== undefined && earlier.end.getTime() === later.start.getTime();

// A session that runs through midnight may have begun days before `date`; walk back to its start.
function firstDayOfSessionAt(schedule: Schedule, date: CalendarDate): CalendarDate {
  let day = date;
  while (day > schedule.servicePeriod.from) {
    const previous = addCalendarDays(day, -1);
    if (!touches(sessionsOnDate(schedule, previous).at(-1), sessionsOnDate(schedule, day)[0])) break;
    day = previous;
  }
  return day;
}

/**
 * Staffed sessions in time order, from the one under way at the start of `date` onwards.
 * Timeframes that touch (22:00–24:00 then 00:00–02:00 the next day) form one session: staff are
 * on duty throughout, so "now staffed until" and "next opening" must not see a break there.
 * Stops after the service period's last day, so every search is bounded.
 */
export function* generateSessions(schedule: Schedule, date: CalendarDate): Generator<Session> {
  const { from, to } = schedule.servicePeriod;
  let pending: Session | undefined;
  for (let day = date < from ? from : firstDayOfSessionAt(schedule, date); day <= to; day = addCalendarDays(day, 1)) {
    for (const session of sessionsOnDate(schedule, day)) {
      if (pending && touches(pending, session)) {
        pending = { start: pending.start, end: session.end };
        continue;
      }
      if (pending) yield pending;
      pending = session;
    }
  }
  if (pending) yield pending;
}
