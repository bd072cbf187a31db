import { createHash } from "node:crypto";
import { validateSignature } from "@line/bot-sdk";
import type { Db } from "@/db";
import { encryptField, lookupHash, type Keyring } from "@/lib/crypto";
import { sanitizeJson } from "./sanitize-json";
import { storeInboxRows, type InboxRow } from "./store-inbox-rows";
import { webhookBodySchema, webhookEventSchema } from "./webhook-schema";

/** LINE's events nest a few levels; far deeper is an attack on whatever walks the body recursively. */
const MAX_DEPTH = 32;

/** Events without an id (older platforms) are keyed by their content, which a redelivery repeats. */
const contentKey = (event: unknown) => `sha256:${createHash("sha256").update(JSON.stringify(event)).digest("hex")}`;

/**
 * A well-formed event is stored pending; a malformed one is stored failed at once, with its type and
 * what was wrong (field names, never values), so an administrator sees it and it holds nothing back.
 */
function toRow(event: unknown, deps: { keyring: Keyring; receivedAt: Date }): InboxRow {
  const payloadEnc = encryptField(deps.keyring, JSON.stringify(event));
  const parsed = webhookEventSchema.safeParse(event);
  if (!parsed.success) {
    const fields = event !== null && typeof event === "object" ? (event as Record<string, unknown>) : {};
    return {
      receivedAt: deps.receivedAt,
      webhookEventId: typeof fields.webhookEventId === "string" && fields.webhookEventId.length <= 100 ? fields.webhookEventId : contentKey(event),
      userHash: null,
      sourceType: "unknown",
      eventType: typeof fields.type === "string" ? fields.type.slice(0, 50) : "unknown",
      eventTimestamp: 0,
      payloadEnc,
      status: "failed",
      lastError: `invalid event: ${[...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(event)"))].join(", ")}`,
    };
  }
  const valid = parsed.data;
  return {
    receivedAt: deps.receivedAt,
    webhookEventId: valid.webhookEventId ?? contentKey(valid),
    userHash: valid.source?.type === "user" && valid.source.userId ? lookupHash(deps.keyring, valid.source.userId) : null,
    sourceType: valid.source?.type ?? "unknown",
    eventType: valid.type,
    eventTimestamp: valid.timestamp,
    isRedelivery: valid.deliveryContext?.isRedelivery ?? false,
    payloadEnc,
  };
}

export type WebhookAnswer = { status: 200; stored: number; received: number } | { status: 400 | 401; error: string };

/**
 * Verifies the signature over the raw body before reading it, makes its text storable (sanitizeJson),
 * then stores every event in one atomic statement, shared with concurrent requests (storeInboxRows) and
 * committed before this resolves. A database failure propagates: the caller answers 5xx and LINE
 * redelivers; what an event contains never does.
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
  const clean = sanitizeJson(json, MAX_DEPTH);
  if (clean === undefined) return { status: 400, error: "nested too deeply" };
  const parsed = webhookBodySchema.safeParse(clean);
  if (!parsed.success) return { status: 400, error: "not a webhook body" };
  const receivedAt = deps.at;
  const rows = parsed.data.events.map((event) => toRow(event, { keyring: deps.keyring, receivedAt }));
  if (rows.length === 0) return { status: 200, stored: 0, received: 0 };
  const database = typeof db === "function" ? await db() : db;
  return { status: 200, stored: await storeInboxRows(database, rows), received: rows.length };
}
