import { calendarDateOf } from "@/lib/calendar";
import { ja } from "@/lib/i18n/ja";
import { findCurrentSession, findNextOpening, formatSessionJa, type Schedule, type Session } from "@/lib/schedule";
import type { AutoReplyKind, TemplateVariable } from "./templates";

/** The same notice is not repeated within this time: a youth writing ten lines gets one answer. */
export const REPEAT_AFTER_MS = 3 * 60 * 60_000;
/** A rough, honest estimate per person ahead; the console issue replaces it with measured times. */
export const MINUTES_PER_POSITION = 15;

export interface AutoReplyDecision {
  kind: AutoReplyKind;
  values: Partial<Record<TemplateVariable, string>>;
}

function estimateWait(position: number): string {
  const minutes = Math.max(5, Math.ceil((position * MINUTES_PER_POSITION) / 5) * 5);
  return ja.autoReplyValues.estimatedWait(minutes);
}

function situation(schedule: Schedule | null, at: Date, position: number): AutoReplyDecision {
  if (!schedule) return { kind: "no_schedule", values: {} };
  if (findCurrentSession(schedule, at)) {
    return { kind: "waiting", values: { position: String(position), estimatedWait: estimateWait(position) } };
  }
  const next: Session | null = findNextOpening(schedule, at);
  if (!next) return { kind: "service_ended", values: {} };
  const nextOpening = formatSessionJa(next, at);
  const sameDay = calendarDateOf(next.start) === calendarDateOf(at);
  return { kind: sameDay ? "before_opening" : "out_of_hours", values: { nextOpening } };
}

/**
 * What to tell a youth who just wrote (R6): pure, from the schedule, the time, their place in the
 * queue and the last automatic reply of this consultation. Null when the same notice went out recently.
 */
export function decideAutoReply(input: {
  schedule: Schedule | null;
  at: Date;
  position: number;
  previous: { kind: string | null; at: Date | null };
}): AutoReplyDecision | null {
  const decision = situation(input.schedule, input.at, input.position);
  const { kind, at } = input.previous;
  if (kind === decision.kind && at && input.at.getTime() - at.getTime() < REPEAT_AFTER_MS) return null;
  return decision;
}
