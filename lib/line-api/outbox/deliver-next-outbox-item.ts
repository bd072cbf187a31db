import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { lineOutbox, youths } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { backoffDelayMs } from "@/lib/jobs";
import { LineApiError, type LineApi } from "../api";
import { openPayload } from "./payload";

export const OUTBOX_MAX_ATTEMPTS = 10;
/** Long enough for one call with its timeout; a crashed sender's item is picked up again after it. */
const LEASE_MS = 60_000;

type OutboxRow = typeof lineOutbox.$inferSelect;
type Outcome = { status: "sent"; via: string; httpStatus: number } | { status: "cancelled"; reason: string };

/** A call that will not be tried again: sent, dropped (the youth blocked the account) or finally failed. */
export interface DeliverySettled {
  outboxId: string;
  status: "sent" | "cancelled" | "failed";
}

/**
 * Runs inside the transaction that records the outcome, so what it writes or publishes commits with
 * it. The outbox knows no consultations: the domain passes its own listener (lib/consultations).
 */
export type DeliverySettledListener = (tx: DbOrTx, settled: DeliverySettled) => Promise<void>;

/** Told, in the transaction that fails the push, that LINE refused it because the month's quota is spent. */
export type MonthlyLimitListener = (tx: DbOrTx, at: Date) => Promise<void>;

export interface DeliveryDeps {
  api: LineApi;
  keyring: Keyring;
  now: () => Date;
  onSettled?: DeliverySettledListener;
  onMonthlyLimit?: MonthlyLimitListener;
}

async function claim(db: Db, at: Date): Promise<OutboxRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(lineOutbox)
      .where(
        and(
          or(and(eq(lineOutbox.status, "pending"), or(isNull(lineOutbox.nextAttemptAt), lte(lineOutbox.nextAttemptAt, at))), and(eq(lineOutbox.status, "sending"), lt(lineOutbox.leaseUntil, at))),
          // A youth's calls go out in the order they were queued: an earlier one still owed blocks the later.
          sql`not exists (select 1 from line_outbox e where e.youth_id = ${lineOutbox.youthId} and e.status in ('pending', 'sending') and e.seq < ${lineOutbox.seq})`,
        ),
      )
      .orderBy(asc(lineOutbox.seq))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    await tx
      .update(lineOutbox)
      .set({ status: "sending", leaseUntil: new Date(at.getTime() + LEASE_MS), attempts: row.attempts + 1 })
      .where(eq(lineOutbox.id, row.id));
    return { ...row, attempts: row.attempts + 1 };
  });
}

async function push(deps: DeliveryDeps, row: OutboxRow, to: string): Promise<Outcome> {
  const { messages } = openPayload(deps.keyring, "push", row.payloadEnc);
  try {
    await deps.api.push(to, messages, row.retryKey);
  } catch (error) {
    // 409: LINE already accepted a push with this retry key; the earlier attempt's answer was lost.
    if (error instanceof LineApiError && error.status === 409) return { status: "sent", via: "push", httpStatus: 409 };
    throw error;
  }
  return { status: "sent", via: "push", httpStatus: 200 };
}

async function perform(deps: DeliveryDeps, row: OutboxRow, youth: { lineUserIdEnc: string; following: boolean }): Promise<Outcome> {
  const userId = decryptField(deps.keyring, youth.lineUserIdEnc);
  switch (row.kind) {
    case "reply": {
      const fresh = row.replyToken && row.replyTokenExpiresAt && row.replyTokenExpiresAt > deps.now();
      if (fresh) {
        try {
          await deps.api.reply(row.replyToken!, openPayload(deps.keyring, "reply", row.payloadEnc).messages);
          return { status: "sent", via: "reply", httpStatus: 200 };
        } catch (error) {
          // An expired or spent token is final for the token, not for the message: push it instead.
          if (!(error instanceof LineApiError) || error.retryable) throw error;
        }
      }
      if (!youth.following) return { status: "cancelled", reason: "youth unreachable (blocked the account)" };
      return push(deps, row, userId);
    }
    case "push":
      if (!youth.following) return { status: "cancelled", reason: "youth unreachable (blocked the account)" };
      return push(deps, row, userId);
    case "loading":
      await deps.api.showLoading(userId, openPayload(deps.keyring, "loading", row.payloadEnc).seconds);
      return { status: "sent", via: "loading", httpStatus: 200 };
    case "mark_read":
      await deps.api.markAsRead(openPayload(deps.keyring, "mark_read", row.payloadEnc).markAsReadToken);
      return { status: "sent", via: "mark_read", httpStatus: 200 };
    case "richmenu_link":
      await deps.api.linkRichMenu(userId, openPayload(deps.keyring, "richmenu_link", row.payloadEnc).richMenuId);
      return { status: "sent", via: "richmenu_link", httpStatus: 200 };
  }
}

/** Sends the next call owed to LINE. Returns false when nothing was due. */
export async function deliverNextOutboxItem(db: Db, deps: DeliveryDeps): Promise<boolean> {
  const at = deps.now();
  const row = await claim(db, at);
  if (!row) return false;
  const [youth] = await db.select({ lineUserIdEnc: youths.lineUserIdEnc, following: youths.following }).from(youths).where(eq(youths.id, row.youthId));
  try {
    if (!youth) throw new LineApiError(400, "youth record missing");
    const outcome = await perform(deps, row, youth);
    await settle(
      db,
      deps,
      row.id,
      outcome.status === "sent"
        ? { status: "sent", sentVia: outcome.via, httpStatus: outcome.httpStatus, sentAt: deps.now(), leaseUntil: null, lastError: null }
        : { status: "cancelled", lastError: outcome.reason, leaseUntil: null },
    );
  } catch (error) {
    const apiError = error instanceof LineApiError ? error : new LineApiError(null, (error as Error).message);
    const giveUp = !apiError.retryable || row.attempts >= OUTBOX_MAX_ATTEMPTS;
    // LINE's Retry-After is a floor: an attempt before it would only be refused again.
    const delay = Math.max(backoffDelayMs(row.attempts), apiError.retryAfterMs ?? 0);
    const failedAt = deps.now();
    await settle(
      db,
      deps,
      row.id,
      {
        status: giveUp ? "failed" : "pending",
        lastError: apiError.message.slice(0, 500),
        httpStatus: apiError.status,
        leaseUntil: null,
        nextAttemptAt: new Date(failedAt.getTime() + delay),
      },
      apiError.monthlyLimit ? (tx) => deps.onMonthlyLimit?.(tx, failedAt) : undefined,
    );
  }
  return true;
}

/** Records how the call went; a call retried later is not settled yet, so nobody is told. */
async function settle(
  db: Db,
  deps: DeliveryDeps,
  outboxId: string,
  change: Partial<typeof lineOutbox.$inferInsert> & { status: OutboxRow["status"] },
  also?: (tx: DbOrTx) => Promise<void> | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(lineOutbox).set(change).where(eq(lineOutbox.id, outboxId));
    await also?.(tx);
    const { status } = change;
    if (status === "sent" || status === "cancelled" || status === "failed") await deps.onSettled?.(tx, { outboxId, status });
  });
}
