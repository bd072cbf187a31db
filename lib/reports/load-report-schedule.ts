import type { DbOrTx } from "@/db";
import { listOpenings, type Schedule, type Session } from "@/lib/schedule";
import { findScheduleCovering } from "@/lib/schedule/store";
import type { DateRange } from "@/lib/calendar";

/** The schedule that governed the report's dates and its staffed sessions there (none before any schedule exists). */
export async function loadReportSchedule(db: DbOrTx, range: DateRange): Promise<{ schedule: Schedule | null; sessions: Session[] }> {
  const stored = await findScheduleCovering(db, { from: range.from, to: range.to });
  if (!stored) return { schedule: null, sessions: [] };
  return { schedule: stored.schedule, sessions: listOpenings(stored.schedule, range.start, range.end) };
}
