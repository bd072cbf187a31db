import { z } from "zod";
import type { Db } from "@/db";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { changeCurrentSchedule } from "./change-current-schedule";
import { ScheduleChangeError } from "./errors";

/**
 * Names a closure or opening by its content, not its position: two admins removing at once must
 * not remove the wrong one because the list shifted. Openings are unique by date.
 */
export const scheduleExceptionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("closure"), from: z.string(), to: z.string(), reason: z.string() }),
  z.object({ kind: z.literal("opening"), date: z.string() }),
]);
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;

/** R5: takes one closure or opening out of the schedule in force, as a new, audited version. */
export async function removeScheduleException(db: Db, exception: ScheduleException, actor: Actor, at: Date): Promise<{ version: number }> {
  return changeCurrentSchedule(db, actor, at, (current) => {
    const schedule = current.schedule;
    if (exception.kind === "closure") {
      const found = schedule.closures.find((c) => c.from === exception.from && c.to === exception.to && c.reason === exception.reason);
      if (!found) throw new ScheduleChangeError("exception_not_found");
      const range = found.from === found.to ? found.from : `${found.from}〜${found.to}`;
      return { input: { ...schedule, closures: schedule.closures.filter((c) => c !== found) }, note: `${ja.scheduleAdmin.notes.closureRemoved}: ${range} ${found.reason}` };
    }
    const found = schedule.openings.find((o) => o.date === exception.date);
    if (!found) throw new ScheduleChangeError("exception_not_found");
    return { input: { ...schedule, openings: schedule.openings.filter((o) => o !== found) }, note: `${ja.scheduleAdmin.notes.openingRemoved}: ${found.date} ${found.reason}` };
  });
}
