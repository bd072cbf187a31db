import type { Db } from "@/db";
import type { Actor } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { changeCurrentSchedule } from "./change-current-schedule";
import { ScheduleChangeError } from "./errors";

/** The parts of a schedule the rules form edits; each is validated with the whole schedule. */
export type ScheduleRulesInput = { servicePeriod: unknown; weekly: unknown; holidays: unknown };

/**
 * R5: saves the service period, weekly timeframes and holiday rule as a new, audited version,
 * keeping the closures and openings in force. `basedOnVersion` is the version the admin edited
 * (null when there was none): if someone saved since, the save is refused rather than silently
 * undoing their change. The first version may be made this way, with no closures or openings.
 */
export async function saveScheduleRules(db: Db, rules: ScheduleRulesInput, actor: Actor, basedOnVersion: number | null, at: Date): Promise<{ version: number }> {
  const { servicePeriod, weekly, holidays } = rules; // only these three: the form cannot change exceptions here
  return changeCurrentSchedule(
    db,
    actor,
    at,
    (current) => {
      if ((current?.version ?? null) !== basedOnVersion) throw new ScheduleChangeError("stale");
      const exceptions = current ? { closures: current.schedule.closures, openings: current.schedule.openings } : { closures: [], openings: [] };
      return { input: { timezone: "Asia/Tokyo", servicePeriod, weekly, holidays, ...exceptions }, note: ja.scheduleAdmin.notes.rulesChanged };
    },
    { createIfNone: true },
  );
}
