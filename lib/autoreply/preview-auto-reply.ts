import type { DbOrTx } from "@/db";
import { DEFAULT_MINUTES_PER_POSITION } from "@/lib/consultations";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { decideAutoReply } from "./decide-auto-reply";
import { renderAutoReply } from "./render-auto-reply";
import type { AutoReplyKind } from "./templates";

/** For the admin screen: what a youth writing at `at` would be told, as the first in the queue. */
export async function previewAutoReply(tx: DbOrTx, at: Date): Promise<{ kind: AutoReplyKind; text: string }> {
  const stored = await loadCurrentSchedule(tx);
  const decision = decideAutoReply({ schedule: stored?.schedule ?? null, at, wait: { position: 1, minutes: DEFAULT_MINUTES_PER_POSITION }, previous: { kind: null, at: null } })!;
  return { kind: decision.kind, text: await renderAutoReply(tx, decision.kind, decision.values) };
}
