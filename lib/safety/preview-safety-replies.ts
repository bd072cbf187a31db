import type { DbOrTx } from "@/db";
import { findCurrentSession, findNextOpening } from "@/lib/schedule";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { renderSafetyReply, type SafetyReply } from "./render-safety-reply";

/**
 * For the admin page: the safety reply as a youth would get it during the current or next session
 * (null when none is scheduled) and outside one (now, or the current session's end).
 */
export async function previewSafetyReplies(tx: DbOrTx, input: { at: Date; pagingConfigured: boolean }): Promise<{ inHours: SafetyReply | null; outOfHours: SafetyReply }> {
  const schedule = (await loadCurrentSchedule(tx))?.schedule ?? null;
  const current = schedule ? findCurrentSession(schedule, input.at) : null;
  const inHoursAt = current ? input.at : schedule ? (findNextOpening(schedule, input.at)?.start ?? null) : null;
  const outOfHoursAt = current ? current.end : input.at;
  return {
    inHours: inHoursAt ? await renderSafetyReply(tx, { at: inHoursAt, pagingConfigured: input.pagingConfigured }) : null,
    outOfHours: await renderSafetyReply(tx, { at: outOfHoursAt, pagingConfigured: input.pagingConfigured }),
  };
}
