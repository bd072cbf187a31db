import type { Db } from "@/db";
import { calendarDateOf, fiscalYearOf } from "@/lib/calendar";
import { buildFiscalYearPreset } from "../presets/fiscal-year";
import { appendScheduleVersion } from "./append-schedule-version";

/**
 * The demo's schedule: the contract's rules over the fiscal year containing `at`, so the demo is
 * staffed on this year's weekends whenever it is run. Idempotent: an existing schedule, the demo's
 * or one an administrator saved, is left alone. Returns the version saved, or null if none was.
 */
export async function seedDemoSchedule(db: Db, at: Date): Promise<{ version: number } | null> {
  return appendScheduleVersion(db, () => ({ input: buildFiscalYearPreset(fiscalYearOf(calendarDateOf(at))), note: "demo" }), {
    actor: null,
    actorLabel: "demo seed",
    at,
    onlyIfNone: true,
  });
}
