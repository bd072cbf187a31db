import type { DbOrTx } from "@/db";
import { findOpenConsultation } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { composeWaitingNotice } from "./compose-waiting-notice";
import { decideAutoReply } from "./decide-auto-reply";
import { findWait } from "./find-wait";

export type QueueStatus =
  | { state: "none"; text: string }
  | { state: "talking"; text: string }
  | { state: "waiting"; text: string; position: number | null; minutes: number | null; busy: boolean };

/**
 * What a youth asking 「順番を確認」 (or watching the secure chat) is told about their consultation now:
 * none open, a counselor is with them, or waiting (the same notice as the automatic reply, never
 * throttled: the youth asked). Records nothing.
 */
export async function checkQueueStatus(tx: DbOrTx, youthId: string, at: Date): Promise<QueueStatus> {
  const open = await findOpenConsultation(tx, youthId);
  if (!open) return { state: "none", text: ja.queueStatus.none };
  const wait = await findWait(tx, open.id, at);
  if (!wait) return { state: "talking", text: ja.queueStatus.talking };
  const stored = await loadCurrentSchedule(tx);
  const decision = decideAutoReply({ schedule: stored?.schedule ?? null, at, wait, previous: { kind: null, at: null } })!;
  const inSession = decision.kind === "waiting" || decision.kind === "waiting_next";
  const { text, busy } = await composeWaitingNotice(tx, decision, wait.minutes);
  return { state: "waiting", text, position: inSession ? wait.position : null, minutes: inSession ? wait.minutes : null, busy };
}
