import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { lineInbox } from "@/db/schema";
import { decryptField } from "@/lib/crypto";
import { backoffDelayMs, describeError } from "@/lib/jobs";
import { handleEvent, type HandlerDeps } from "../handlers";
import { isPermanentFailure } from "./is-permanent-failure";
import type { StoredWebhookEvent } from "./webhook-schema";

export const INBOX_MAX_ATTEMPTS = 8;
/** Far longer than handling one event takes; a worker that died holding a claim is relieved after it. */
const LEASE_MS = 60_000;

type InboxRow = typeof lineInbox.$inferSelect;

/** Thrown when the claim was taken over (the lease ran out): this worker's handling must not count. */
class LeaseLost extends Error {}

/**
 * Claims the oldest due event whose user has no earlier event still pending: raises its attempt and
 * sets a lease, committed, so no other worker takes it while this one works. An event whose every
 * attempt ran out its lease is failed instead of being tried forever.
 */
async function claim(db: Db, at: Date): Promise<InboxRow | "gave_up" | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(lineInbox)
      .where(
        and(
          // A literal, not a parameter: PostgreSQL then uses the partial indexes on pending events in every plan.
          sql`${lineInbox.status} = 'pending'`,
          or(isNull(lineInbox.nextAttemptAt), lte(lineInbox.nextAttemptAt, at)),
          or(isNull(lineInbox.leaseUntil), lt(lineInbox.leaseUntil, at)),
          sql`not exists (select 1 from line_inbox e where e.user_hash = ${lineInbox.userHash} and e.status = 'pending'
              and (e.event_timestamp, e.webhook_event_id) < (${lineInbox.eventTimestamp}, ${lineInbox.webhookEventId}))`,
        ),
      )
      .orderBy(asc(lineInbox.eventTimestamp), asc(lineInbox.webhookEventId))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    if (row.attempts >= INBOX_MAX_ATTEMPTS) {
      // Every earlier attempt's worker stopped before recording anything: something in this event stops workers.
      await tx
        .update(lineInbox)
        .set({ status: "failed", leaseUntil: null, lastError: "gave up: no attempt finished" })
        .where(eq(lineInbox.webhookEventId, row.webhookEventId));
      return "gave_up";
    }
    const attempts = row.attempts + 1;
    await tx.update(lineInbox).set({ attempts, leaseUntil: new Date(at.getTime() + LEASE_MS) }).where(eq(lineInbox.webhookEventId, row.webhookEventId));
    return { ...row, attempts };
  });
}

/** The claim of attempt `attempts` is still this worker's: nobody took the event over or settled it. */
const stillHeld = (row: InboxRow) => and(eq(lineInbox.webhookEventId, row.webhookEventId), eq(lineInbox.status, "pending"), eq(lineInbox.attempts, row.attempts));

/**
 * Handles one claimed event in the same transaction as its status change: a crash leaves it pending,
 * a retry never half-applies it, and if the lease was taken over meanwhile the whole handling rolls
 * back, so an event is handled exactly once. A failure is recorded only while the claim still holds:
 * the event's own fault (bad data) fails it at once, anything else is retried with backoff.
 */
export async function processNextInboxEvent(db: Db, { now, ...deps }: HandlerDeps): Promise<boolean> {
  const row = await claim(db, now());
  if (!row) return false;
  if (row === "gave_up") return true;
  try {
    await db.transaction(async (tx) => {
      // A purged payload (lib/retention) of a failed event someone set back to pending: nothing is left to handle.
      const outcome =
        row.payloadEnc === null
          ? "ignored"
          : await handleEvent(tx, JSON.parse(decryptField(deps.keyring, row.payloadEnc)) as StoredWebhookEvent, { ...deps, receivedAt: row.receivedAt, at: now() });
      const settled = await tx
        .update(lineInbox)
        .set({ status: outcome, processedAt: now(), leaseUntil: null, lastError: null })
        .where(stillHeld(row))
        .returning({ id: lineInbox.webhookEventId });
      if (settled.length === 0) throw new LeaseLost();
    });
  } catch (error) {
    if (error instanceof LeaseLost) return true;
    // Bad data fails at once: retrying cannot help, and a pending event holds back the youth's later ones.
    const failed = isPermanentFailure(error) || row.attempts >= INBOX_MAX_ATTEMPTS;
    const recorded = await db
      .update(lineInbox)
      .set({
        status: failed ? "failed" : "pending",
        leaseUntil: null,
        // The error names the failing step; event content never reaches it.
        lastError: describeError(error),
        nextAttemptAt: new Date(now().getTime() + backoffDelayMs(row.attempts)),
      })
      .where(stillHeld(row))
      .returning({ id: lineInbox.webhookEventId });
    if (recorded.length > 0) console.error(`[soudan] line event ${row.webhookEventId} failed (attempt ${row.attempts}${failed ? ", giving up" : ""})`);
  }
  return true;
}
