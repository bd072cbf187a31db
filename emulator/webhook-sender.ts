import { createHmac } from "node:crypto";
import type { webhook } from "@line/bot-sdk";
import { armReplyToken } from "./events";
import type { Delivery, DeliveryAttempt, Env } from "./state";

const DEFAULT_REDELIVERY_DELAYS_MS = [1_000, 5_000, 15_000, 60_000];

function sign(channelSecret: string, body: string): string {
  return createHmac("sha256", channelSecret).update(body, "utf8").digest("base64");
}

/** fetch wraps the useful part (ECONNREFUSED, timeout) in `cause`. */
function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

/** POSTs signed webhooks to the app and, like LINE with redelivery enabled, retries failures with backoff. */
export function createWebhookSender(env: Env) {
  const delays = env.options.redeliveryDelaysMs ?? DEFAULT_REDELIVERY_DELAYS_MS;
  const timeoutMs = env.options.webhookTimeoutMs ?? 10_000;
  const shutdown = new AbortController();

  async function post(events: webhook.Event[]): Promise<Omit<DeliveryAttempt, "at" | "isRedelivery">> {
    const body = JSON.stringify({ destination: env.state.destination, events });
    try {
      const res = await fetch(env.options.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "LineBotWebhook/2.0",
          "x-line-signature": sign(env.options.channelSecret, body),
        },
        body,
        signal: AbortSignal.any([shutdown.signal, AbortSignal.timeout(timeoutMs)]),
      });
      await res.arrayBuffer();
      return { status: res.status };
    } catch (error) {
      return { status: null, error: failureReason(error) };
    }
  }

  async function attempt(delivery: Delivery, isRedelivery: boolean): Promise<DeliveryAttempt> {
    clearTimeout(delivery.timer);
    delivery.timer = undefined;
    if ("replyToken" in delivery.event) armReplyToken(env, delivery.event.replyToken);
    const at = env.now();
    const result = await post([{ ...delivery.event, deliveryContext: { isRedelivery } }]);
    const recorded: DeliveryAttempt = { at, isRedelivery, ...result };
    delivery.attempts.push(recorded);
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    if (ok) delivery.delivered = true;
    else if (!delivery.delivered) schedule(delivery);
    return recorded;
  }

  function schedule(delivery: Delivery): void {
    if (shutdown.signal.aborted) return;
    const failures = delivery.attempts.filter((a) => a.status === null || a.status < 200 || a.status >= 300).length;
    const delay = delays[failures - 1];
    if (delay === undefined) return;
    delivery.timer = setTimeout(() => void attempt(delivery, true), delay);
    // A pending redelivery must not keep a finished test run or CLI alive.
    delivery.timer.unref();
  }

  return {
    async dispatch(event: webhook.Event): Promise<Delivery> {
      const userId = event.source?.type === "user" ? (event.source.userId ?? null) : null;
      const delivery: Delivery = { webhookEventId: event.webhookEventId, userId, event, attempts: [], delivered: false };
      env.state.deliveries.set(event.webhookEventId, delivery);
      await attempt(delivery, false);
      return delivery;
    },
    redeliver: (delivery: Delivery) => attempt(delivery, true),
    /** An empty events array, as the console's "Verify" button sends. */
    ping: () => post([]),
    close(): void {
      shutdown.abort();
      for (const delivery of env.state.deliveries.values()) clearTimeout(delivery.timer);
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
