import type { Db } from "@/db";
import { calendarDateOf } from "../jst";
import { buildFiscalYearPreset } from "../presets/fiscal-year";
import { appendScheduleVersion } from "./append-schedule-version";

/** The Japanese fiscal year (April to March) that `at` falls in, counted by the date in Japan. */
function fiscalYearOf(at: Date): number {
  const [year = "", month = ""] = calendarDateOf(at).split("-");
  return Number(month) >= 4 ? Number(year) : Number(year) - 1;
}

/**
 * The demo's schedule: the contract's rules over the fiscal year containing `at`, so the demo is
 * staffed on this year's weekends whenever it is run. Idempotent: an existing schedule, the demo's
 * or one an administrator saved, is left alone. Returns the version saved, or null if none was.
 */
export async function seedDemoSchedule(db: Db, at: Date): Promise<{ version: number } | null> {
  return appendScheduleVersion(db, () => ({ input: buildFiscalYearPreset(fiscalYearOf(at)), note: "demo" }), {
    actor: null,
    actorLabel: "demo seed",
    onlyIfNone: true,
  });
}
