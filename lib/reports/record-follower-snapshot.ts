import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { lineFollowerSnapshots } from "@/db/schema";
import { addCalendarDays, calendarDateOf } from "@/lib/calendar";
import type { LineApi } from "@/lib/line-api";

/**
 * Stores yesterday's 友だち登録数 (JST) from LINE's Insight API, once: LINE counts a day after it ends,
 * and the reports read the period's last snapshot. Returns false when LINE has no figure for that day
 * yet; the next run asks again.
 */
export async function recordFollowerSnapshot(db: Db, deps: { api: LineApi; at: Date }): Promise<boolean> {
  const date = addCalendarDays(calendarDateOf(deps.at), -1);
  const [stored] = await db.select({ date: lineFollowerSnapshots.date }).from(lineFollowerSnapshots).where(eq(lineFollowerSnapshots.date, date));
  if (stored) return true;
  const answer = await deps.api.readFollowers(date);
  if (!answer) return false;
  await db.insert(lineFollowerSnapshots).values({ date, followers: answer.followers, blocks: answer.blocks, readAt: deps.at }).onConflictDoNothing();
  return true;
}
