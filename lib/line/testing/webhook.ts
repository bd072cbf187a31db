import { createHmac } from "node:crypto";

export const TEST_CHANNEL_SECRET = "test-channel-secret-0123456789ab";

export function sign(body: string, secret = TEST_CHANNEL_SECRET): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

let counter = 0;

/** A LINE-shaped event from a user, with a fresh webhook event id and reply token. */
export function userEvent(userId: string, fields: Record<string, unknown>, timestamp = Date.now()): Record<string, unknown> {
  counter++;
  return {
    webhookEventId: `01TEST${String(counter).padStart(20, "0")}`,
    timestamp,
    mode: "active",
    replyToken: `reply-token-${counter}`,
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId },
    ...fields,
  };
}
