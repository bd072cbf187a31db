import { calendarDateOf } from "@/lib/calendar";
import { ja } from "@/lib/i18n/ja";
import { findCurrentSession, findNextOpening, formatSessionJa, type Schedule, type Session } from "@/lib/schedule";
import type { AutoReplyKind, TemplateVariable } from "./templates";

/** The same notice is not repeated within this time: a youth writing ten lines gets one answer. */
export const REPEAT_AFTER_MS = 3 * 60 * 60_000;
export interface AutoReplyDecision {
  kind: AutoReplyKind;
  values: Partial<Record<TemplateVariable, string>>;
}

/** A waiting youth's place (1 = next) and estimated wait in minutes (lib/consultations); null when a counselor holds the consultation. */
export type Wait = { position: number; minutes: number } | null;

function situation(schedule: Schedule | null, at: Date, wait: Wait): AutoReplyDecision | null {
  // A counselor is with the youth: they answer, not the bot, even past closing time or with no
  // schedule (a counselor who keeps talking after the session must not be interrupted by 時間外).
  if (!wait) return null;
  if (!schedule) return { kind: "no_schedule", values: {} };
  if (findCurrentSession(schedule, at)) {
    return {
      kind: wait.position <= 1 ? "waiting_next" : "waiting",
      values: { position: String(wait.position), estimatedWait: ja.autoReplyValues.estimatedWait(wait.minutes) },
    };
  }
  const next: Session | null = findNextOpening(schedule, at);
  if (!next) return { kind: "service_ended", values: {} };
  const nextOpening = formatSessionJa(next, at);
  const sameDay = calendarDateOf(next.start) === calendarDateOf(at);
  return { kind: sameDay ? "before_opening" : "out_of_hours", values: { nextOpening } };
}

/**
 * What to tell a youth who just wrote (R6): pure, from the schedule, the time, their place in the
 * queue and the last automatic reply of this consultation. Null when the same notice went out
 * recently, or when a counselor holds the consultation, at any hour.
 */
export function decideAutoReply(input: {
  schedule: Schedule | null;
  at: Date;
  wait: Wait;
  previous: { kind: string | null; at: Date | null };
}): AutoReplyDecision | null {
  const decision = situation(input.schedule, input.at, input.wait);
  if (!decision) return null;
  const { kind, at } = input.previous;
  if (kind === decision.kind && at && input.at.getTime() - at.getTime() < REPEAT_AFTER_MS) return null;
  return decision;
}
