import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { scheduleVersions } from "@/db/schema";
import { datesBetween, instantAt, type CalendarDate, type DateRange } from "@/lib/calendar";
import { minutesOf, parseSchedule, resolveDay, type DayPlan, type Schedule, type Session } from "@/lib/schedule";

interface Version {
  createdAt: Date;
  schedule: Schedule;
}

/**
 * The schedule version in force on `date`: among the versions whose service period holds the date,
 * the newest one saved before the day ended; when every one of them was saved later (a schedule
 * entered after the fact, the demo history), the first one saved. A change made in September to
 * September's hours must not turn August's evenings into 時間外.
 */
function versionInForce(versions: readonly Version[], date: CalendarDate): Schedule | null {
  const covering = versions.filter((v) => v.schedule.servicePeriod.from <= date && date <= v.schedule.servicePeriod.to);
  const dayEnd = instantAt(date, 24 * 60);
  const saved = covering.filter((v) => v.createdAt < dayEnd);
  return (saved.at(-1) ?? covering[0])?.schedule ?? null;
}

/**
 * The report's dates as each was staffed under the schedule in force that day, and the staffed
 * sessions they held (a session belongs to the date it starts on). Versions that no longer validate
 * are skipped: a report of the past must still be made.
 */
export async function loadReportSchedule(db: DbOrTx, range: DateRange): Promise<{ plans: DayPlan[]; sessions: Session[]; outsideServicePeriod: boolean }> {
  const rows = await db.select().from(scheduleVersions).orderBy(asc(scheduleVersions.version));
  const versions: Version[] = rows.flatMap((row) => {
    const parsed = parseSchedule(row.definition);
    return parsed.success ? [{ createdAt: row.createdAt, schedule: parsed.schedule }] : [];
  });
  const plans: DayPlan[] = [];
  const sessions: Session[] = [];
  for (const date of datesBetween(range.from, range.to)) {
    const schedule = versionInForce(versions, date);
    const plan: DayPlan = schedule ? resolveDay(schedule, date) : { date, rule: "outside-period", timeframes: [], reason: null };
    plans.push(plan);
    for (const tf of plan.timeframes) sessions.push({ start: instantAt(date, minutesOf(tf.start)), end: instantAt(date, minutesOf(tf.end)) });
  }
  return { plans, sessions, outsideServicePeriod: plans.every((plan) => plan.rule === "outside-period") };
}

/** Dates with staffed hours, by date. */
export const staffedDates = (plans: readonly DayPlan[]) => new Set(plans.filter((plan) => plan.timeframes.length > 0).map((plan) => plan.date));
