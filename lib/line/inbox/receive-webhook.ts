import { createHash } from "node:crypto";
import { validateSignature } from "@line/bot-sdk";
import type { Db } from "@/db";
import { lineInbox } from "@/db/schema";
import { encryptField, lookupHash, type Keyring } from "@/lib/crypto";
import { webhookBodySchema } from "./webhook-schema";

export type WebhookAnswer = { status: 200; stored: number; received: number } | { status: 400 | 401; error: string };

/**
 * Verifies the signature over the raw body before reading it, then stores every event in one atomic
 * statement. A database failure propagates: the caller answers 5xx and LINE redelivers.
 */
export async function receiveWebhook(
  /** A function is called only once the signature and body are good: forged requests never touch the database. */
  db: Db | (() => Promise<Db>),
  input: { rawBody: string; signature: string | null },
  deps: { channelSecret: string; keyring: Keyring; at: Date },
): Promise<WebhookAnswer> {
  if (!input.signature || !validateSignature(input.rawBody, deps.channelSecret, input.signature)) {
    return { status: 401, error: "invalid signature" };
  }
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { status: 400, error: "malformed JSON" };
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) return { status: 400, error: "not a webhook body" };
  const receivedAt = deps.at;
  const rows = parsed.data.events.map((event) => ({
    receivedAt,
    // Events without an id (older platforms) are keyed by their content, which a redelivery repeats.
    webhookEventId: event.webhookEventId ?? `sha256:${createHash("sha256").update(JSON.stringify(event)).digest("hex")}`,
    userHash: event.source?.type === "user" && event.source.userId ? lookupHash(deps.keyring, event.source.userId) : null,
    sourceType: event.source?.type ?? "unknown",
    eventType: event.type,
    eventTimestamp: event.timestamp,
    isRedelivery: event.deliveryContext?.isRedelivery ?? false,
    payloadEnc: encryptField(deps.keyring, JSON.stringify(event)),
  }));
  if (rows.length === 0) return { status: 200, stored: 0, received: 0 };
  // One multi-row INSERT is atomic on its own: every event of the request is stored, or none is.
  const database = typeof db === "function" ? await db() : db;
  const stored = await database.insert(lineInbox).values(rows).onConflictDoNothing({ target: lineInbox.webhookEventId }).returning({ id: lineInbox.webhookEventId });
  return { status: 200, stored: stored.length, received: rows.length };
}
