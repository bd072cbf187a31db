import { and, eq, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations, sessionClosings } from "@/db/schema";
import { closeConsultation, isWaiting } from "@/lib/consultations";
import type { Keyring } from "@/lib/crypto";
import { readsEasyJapanese } from "@/lib/forms";
import { enqueueLineCall } from "@/lib/line-api";
import { findNextOpening, formatSessionJa, listOpenings, type Session } from "@/lib/schedule";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { renderAutoReply } from "./render-auto-reply";

/** Sessions that ended longer ago than this are history: after a long outage nobody is told late. */
const LOOKBACK_MS = 6 * 60 * 60_000;

export type ClosingPolicy = "keep" | "close";

async function notifySession(db: Db, session: Session, deps: { at: Date; keyring: Keyring; policy: ClosingPolicy; next: Session | null }): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.insert(sessionClosings).values({ sessionEnd: session.end, notified: 0, at: deps.at }).onConflictDoNothing().returning();
    if (claimed.length === 0) return 0;
    // Still waiting: written to before closing and held by no counselor (never claimed, or returned to the queue).
    const waiting = await tx
      .select({ id: consultations.id, youthId: consultations.youthId, intake: consultations.intake })
      .from(consultations)
      .where(and(isWaiting(), lte(consultations.openedAt, session.end)));
    // "close" says the consultation ended and when the next session is, in one message: the closing
    // message replaced, so the youth is not told both "we will answer" and "it has ended".
    const close = deps.policy === "close";
    const kind = !deps.next ? "service_ended" : close ? "closed_at_closing_time" : "closing_while_waiting";
    const values = { nextOpening: deps.next ? formatSessionJa(deps.next, session.end) : "" };
    for (const consultation of waiting) {
      const text = await renderAutoReply(tx, kind, values, { easy: readsEasyJapanese(consultation.intake) });
      await tx.update(consultations).set({ lastAutoReplyKind: kind, lastAutoReplyAt: deps.at }).where(eq(consultations.id, consultation.id));
      if (close) {
        const details = { sessionEnd: session.end.toISOString() };
        await closeConsultation(tx, { consultationId: consultation.id, reason: "closing_time", at: deps.at, by: "system", details, closingText: text }, deps.keyring);
      } else {
        await enqueueLineCall(tx, { youthId: consultation.youthId, kind: "push", payload: { messages: [{ type: "text", text }] } }, deps.keyring);
      }
    }
    await tx.update(sessionClosings).set({ notified: waiting.length }).where(eq(sessionClosings.sessionEnd, session.end));
    return waiting.length;
  });
}

/**
 * At closing time (R6): youth still waiting are told when they will be answered. With policy "keep"
 * (the default) they stay queued for the next session; "close" ends their consultations and tells
 * them so, with the next opening, in one message kept in the conversation. Each session is handled
 * once, whichever instance gets there first.
 */
export async function sendClosingNotices(db: Db, deps: { at: Date; keyring: Keyring; policy: ClosingPolicy }): Promise<number> {
  const stored = await loadCurrentSchedule(db);
  if (!stored) return 0;
  const { at } = deps;
  const ended = listOpenings(stored.schedule, new Date(at.getTime() - LOOKBACK_MS), at).filter((s) => s.end <= at && s.end.getTime() > at.getTime() - LOOKBACK_MS);
  let notified = 0;
  for (const session of ended) {
    notified += await notifySession(db, session, { ...deps, next: findNextOpening(stored.schedule, session.end) });
  }
  return notified;
}
