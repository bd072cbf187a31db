import type { Db } from "@/db";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import type { Closure } from "../schema";
import { changeCurrentSchedule } from "./change-current-schedule";
import { ScheduleValidationError } from "./errors";

/**
 * R5: a one-off closure (研修, 行事) added to the schedule in force as a new, audited version.
 * Refusals name the closure's own fields ("from", "to", "reason"), e.g. a date outside the
 * service period, and nothing is saved.
 */
export async function addScheduleClosure(db: Db, closure: Closure, actor: Actor, at: Date): Promise<{ version: number }> {
  const range = closure.from === closure.to ? closure.from : `${closure.from}〜${closure.to}`;
  let index = 0;
  try {
    return await changeCurrentSchedule(db, actor, at, (current) => {
      const closures = current.schedule.closures;
      index = closures.length;
      return { input: { ...current.schedule, closures: [...closures, closure] }, note: `${ja.scheduleAdmin.notes.closureAdded}: ${range} ${closure.reason}` };
    });
  } catch (error) {
    throw error instanceof ScheduleValidationError ? error.relativeTo(`closures.${index}`) : error;
  }
}
