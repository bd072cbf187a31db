import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { lineInbox } from "@/db/schema";
import { decryptField } from "@/lib/crypto";
import { backoffDelayMs, describeError } from "@/lib/jobs";
import { handleEvent, type HandlerDeps } from "../handlers";
import type { StoredWebhookEvent } from "./webhook-schema";

export const INBOX_MAX_ATTEMPTS = 8;

/**
 * Claims the oldest due event whose user has no earlier event still pending, and handles it in the
 * same transaction as its status change: a crash leaves it pending, a retry never half-applies it.
 */
export async function processNextInboxEvent(db: Db, deps: HandlerDeps): Promise<boolean> {
  const at = deps.now();
  let claimed: { id: string; attempts: number } | null = null;
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(lineInbox)
        .where(
          and(
            eq(lineInbox.status, "pending"),
            or(isNull(lineInbox.nextAttemptAt), lte(lineInbox.nextAttemptAt, at)),
            sql`not exists (select 1 from line_inbox e where e.user_hash = ${lineInbox.userHash} and e.status = 'pending'
                and (e.event_timestamp, e.webhook_event_id) < (${lineInbox.eventTimestamp}, ${lineInbox.webhookEventId}))`,
          ),
        )
        .orderBy(asc(lineInbox.eventTimestamp), asc(lineInbox.webhookEventId))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return;
      claimed = { id: row.webhookEventId, attempts: row.attempts };
      const event = JSON.parse(decryptField(deps.keyring, row.payloadEnc)) as StoredWebhookEvent;
      const outcome = await handleEvent(tx, event, { ...deps, receivedAt: row.receivedAt });
      await tx
        .update(lineInbox)
        .set({ status: outcome, processedAt: deps.now(), attempts: row.attempts + 1, lastError: null })
        .where(eq(lineInbox.webhookEventId, row.webhookEventId));
    });
  } catch (error) {
    if (!claimed) throw error;
    const { id, attempts } = claimed as { id: string; attempts: number };
    const failed = attempts + 1 >= INBOX_MAX_ATTEMPTS;
    await db
      .update(lineInbox)
      .set({
        status: failed ? "failed" : "pending",
        attempts: attempts + 1,
        // The error names the failing step; event content never reaches it.
        lastError: describeError(error),
        nextAttemptAt: new Date(deps.now().getTime() + backoffDelayMs(attempts + 1)),
      })
      .where(eq(lineInbox.webhookEventId, id));
    console.error(`[soudan] line event ${id} failed (attempt ${attempts + 1}${failed ? ", giving up" : ""})`);
  }
  return claimed !== null;
}
