import type { DbOrTx } from "@/db";
import { ja } from "@/lib/i18n/ja";
import { formatSessionJa, listOpenings } from "@/lib/schedule";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { renderAutoReply } from "./render-auto-reply";

/** How many coming sessions the answer names: enough for the next weekend, short enough for a phone. */
const UPCOMING = 3;
/** Far enough ahead to cross a long closure such as the new-year holidays. */
const HORIZON_MS = 45 * 24 * 60 * 60_000;

/** The rich menu's 相談時間: the admins' wording with the next sessions from the schedule in force (the one now running included). */
export async function composeHoursAnswer(tx: DbOrTx, at: Date): Promise<string> {
  const stored = await loadCurrentSchedule(tx);
  const sessions = stored ? listOpenings(stored.schedule, at, new Date(at.getTime() + HORIZON_MS)).filter((s) => s.end > at).slice(0, UPCOMING) : [];
  const upcoming = sessions.length > 0 ? sessions.map((s) => `・${formatSessionJa(s, at)}`).join("\n") : ja.autoReplyValues.noUpcoming;
  return renderAutoReply(tx, "hours", { upcomingOpenings: upcoming });
}
