import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { createSdkLineApi, deliverNextOutboxItem } from "@/lib/line-api";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

/** A bare server that speaks LINE's API shape and nothing else: not our emulator. */
type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
const everything: Seen[] = [];
let failPushes = 0;
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
    seen.push(request);
    everything.push(request);
    if (req.url === "/v2/bot/message/push" && failPushes > 0) {
      failPushes--;
      res.writeHead(500, { "content-type": "application/json" }).end('{"message":"Internal error"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(req.url?.includes("message/") ? '{"sentMessages":[]}' : "{}");
  });
});

const keyring = createKeyring(randomBytes(32).toString("base64"));
let clock = new Date();
let database: Database;
let api: ReturnType<typeof createSdkLineApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = createSdkLineApi({ channelAccessToken: "token-for-test", baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await database.close();
  await new Promise((resolve) => server.close(resolve));
});

async function deliver(events: Record<string, unknown>[]) {
  const raw = JSON.stringify({ destination: "Ubot", events });
  const answer = await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: clock });
  expect(answer.status).toBe(200);
  while (await processNextInboxEvent(database.db, { keyring, now: () => clock }));
  while (await deliverNextOutboxItem(database.db, { api, keyring, now: () => clock }));
}

it("stores a signed text event and answers it by reply, with the bearer token", async () => {
  const event = userEvent("U" + "1".repeat(32), { type: "message", message: { id: "t1", type: "text", text: "聞いてほしい" } });
  await deliver([event]);
  const replies = seen.filter((r) => r.url === "/v2/bot/message/reply");
  expect(replies).toHaveLength(1);
  expect(replies[0]!.headers.authorization).toBe("Bearer token-for-test");
  expect(JSON.parse(replies[0]!.body)).toEqual({ replyToken: event.replyToken, messages: [{ type: "text", text: ja.autoReply.no_schedule }] });
});

it("never downloads an image, and gives one notice even when the event is redelivered", async () => {
  seen.length = 0;
  const event = userEvent("U" + "2".repeat(32), { type: "message", message: { id: "i1", type: "image", contentProvider: { type: "line" } } });
  await deliver([event]);
  await deliver([{ ...event, deliveryContext: { isRedelivery: true } }]);
  expect(seen.filter((r) => r.url.endsWith("/content"))).toHaveLength(0);
  const notices = seen.filter((r) => r.url === "/v2/bot/message/reply" || r.url === "/v2/bot/message/push");
  expect(notices).toHaveLength(1);
  expect(notices[0]!.body).toContain(ja.autoReply.media_refused);
});

it("falls back to push after the reply token's minute, with the same X-Line-Retry-Key on every attempt", async () => {
  seen.length = 0;
  failPushes = 1;
  const event = userEvent("U" + "3".repeat(32), { type: "follow" });
  const raw = JSON.stringify({ destination: "Ubot", events: [event] });
  await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: clock });
  while (await processNextInboxEvent(database.db, { keyring, now: () => clock }));
  clock = new Date(clock.getTime() + 70_000);
  await deliverNextOutboxItem(database.db, { api, keyring, now: () => clock });
  clock = new Date(clock.getTime() + 10 * 60_000);
  await deliverNextOutboxItem(database.db, { api, keyring, now: () => clock });
  const pushes = seen.filter((r) => r.url === "/v2/bot/message/push");
  expect(pushes).toHaveLength(2);
  expect(pushes[0]!.headers["x-line-retry-key"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(pushes[1]!.headers["x-line-retry-key"]).toBe(pushes[0]!.headers["x-line-retry-key"]);
  expect(JSON.parse(pushes[1]!.body)).toEqual({ to: "U" + "3".repeat(32), messages: [{ type: "text", text: ja.autoReply.greeting }] });
});

it("never asks LINE for a profile, in any of the exchanges above", () => {
  expect(everything.length).toBeGreaterThan(3);
  expect(everything.some((r) => r.url.includes("/profile"))).toBe(false);
});
