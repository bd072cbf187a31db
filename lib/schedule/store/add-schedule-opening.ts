import type { Db } from "@/db";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import type { Opening } from "../schema";
import { changeCurrentSchedule } from "./change-current-schedule";
import { ScheduleValidationError } from "./errors";

/**
 * R5: a dated opening agreed with the city, added to the schedule in force as a new, audited
 * version; on that date its timeframes replace the usual ones (a closure's included). Refusals
 * name the opening's own fields ("date", "timeframes.0.end", "reason"), and nothing is saved.
 */
export async function addScheduleOpening(db: Db, opening: Opening, actor: Actor, at: Date): Promise<{ version: number }> {
  const hours = opening.timeframes.map((tf) => `${tf.start}〜${tf.end}`).join(ja.inlineSeparator);
  let index = 0;
  try {
    return await changeCurrentSchedule(db, actor, at, (current) => {
      const openings = current.schedule.openings;
      index = openings.length;
      return {
        input: { ...current.schedule, openings: [...openings, opening] },
        note: `${ja.scheduleAdmin.notes.openingAdded}: ${opening.date} ${hours} ${opening.reason}`,
      };
    });
  } catch (error) {
    throw error instanceof ScheduleValidationError ? error.relativeTo(`openings.${index}`) : error;
  }
}
