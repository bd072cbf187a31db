import { and, asc, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db";
import { alertOutbox } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { backoffDelayMs, describeError } from "@/lib/jobs";
import { alertPayloadSchema, renderAlertEmail, renderAlertWebhookBody } from "./payload";
import { signAlertWebhookBody } from "./sign-webhook-body";
import type { AlertMailer, AlertWebhook } from "./transports";

/** With the 5-minute backoff cap, about half an hour of trying before an item is marked failed. */
export const ALERT_MAX_ATTEMPTS = 12;
const LEASE_MS = 60_000;

export interface AlertDeliveryDeps {
  mailer: AlertMailer | null;
  webhook: AlertWebhook | null;
  keyring: Keyring;
  now: () => Date;
}

type Row = typeof alertOutbox.$inferSelect;

async function claim(db: Db, at: Date): Promise<Row | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(alertOutbox)
      .where(
        or(
          and(eq(alertOutbox.status, "pending"), or(isNull(alertOutbox.nextAttemptAt), lte(alertOutbox.nextAttemptAt, at))),
          and(eq(alertOutbox.status, "sending"), lt(alertOutbox.leaseUntil, at)),
        ),
      )
      .orderBy(asc(alertOutbox.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    await tx
      .update(alertOutbox)
      .set({ status: "sending", leaseUntil: new Date(at.getTime() + LEASE_MS), attempts: row.attempts + 1 })
      .where(eq(alertOutbox.id, row.id));
    return { ...row, attempts: row.attempts + 1 };
  });
}

async function perform(deps: AlertDeliveryDeps, row: Row): Promise<void> {
  const payload = alertPayloadSchema.parse(row.payload);
  if (row.channel === "email") {
    if (!deps.mailer) throw new Error("SMTP is not configured (SOUDAN_SMTP_URL)");
    await deps.mailer.send({ to: row.recipient!, ...renderAlertEmail(payload) });
    return;
  }
  if (!deps.webhook) throw new Error("the alert webhook is not configured (SOUDAN_ALERT_WEBHOOK_URL)");
  const body = renderAlertWebhookBody(payload);
  await deps.webhook.post(body, signAlertWebhookBody(deps.keyring, body));
}

/**
 * Sends the next e-mail or webhook POST owed. A failure is retried with backoff; the error kept on the
 * row names the server and what it answered, never an address. Returns false when nothing was due.
 */
export async function deliverNextAlert(db: Db, deps: AlertDeliveryDeps): Promise<boolean> {
  const row = await claim(db, deps.now());
  if (!row) return false;
  try {
    await perform(deps, row);
    await db.update(alertOutbox).set({ status: "sent", sentAt: deps.now(), leaseUntil: null }).where(eq(alertOutbox.id, row.id));
  } catch (error) {
    const at = deps.now();
    const giveUp = row.attempts >= ALERT_MAX_ATTEMPTS;
    await db
      .update(alertOutbox)
      .set({
        status: giveUp ? "failed" : "pending",
        leaseUntil: null,
        lastError: (error instanceof Error && error.name === "DeliveryError" ? error.message : describeError(error)).slice(0, 300),
        lastErrorAt: at,
        nextAttemptAt: new Date(at.getTime() + backoffDelayMs(row.attempts)),
      })
      .where(eq(alertOutbox.id, row.id));
  }
  return true;
}
