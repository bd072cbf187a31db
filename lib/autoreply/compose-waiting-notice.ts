import type { DbOrTx } from "@/db";
import { renderAutoReply } from "./render-auto-reply";
import type { AutoReplyDecision } from "./decide-auto-reply";
import { loadWaitingSettings } from "./load-waiting-settings";

/**
 * The text of a decided automatic reply. A queue notice (waiting, waiting_next) gets the busy notice
 * when the estimate reaches the admins' threshold, and the self-help text when they switched it on.
 */
export async function composeWaitingNotice(
  tx: DbOrTx,
  decision: AutoReplyDecision,
  minutes: number | null,
  reader = { easy: false },
): Promise<{ text: string; busy: boolean }> {
  const main = await renderAutoReply(tx, decision.kind, decision.values, reader);
  if (decision.kind !== "waiting" && decision.kind !== "waiting_next") return { text: main, busy: false };
  const settings = await loadWaitingSettings(tx);
  const busy = settings.busyThresholdMinutes !== null && minutes !== null && minutes >= settings.busyThresholdMinutes;
  const parts = [main];
  if (busy) parts.push(await renderAutoReply(tx, "busy", {}, reader));
  if (settings.selfHelpEnabled) parts.push(await renderAutoReply(tx, "self_help", {}, reader));
  return { text: parts.join("\n\n"), busy };
}
