import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { lineOutbox } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { ensureYouth, setYouthFollowing } from "@/lib/youths";
import { countPushesInMonth, deliverNextOutboxItem, enqueueLineCall, enqueueReply, type DeliverySettled } from "./index";
import { OUTBOX_MAX_ATTEMPTS } from "./outbox/deliver-next-outbox-item";
import { createFakeLineApi } from "./testing/fake-line-api";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const lineUserId = "U" + "b".repeat(32);
let clock: Date;
let fake: ReturnType<typeof createFakeLineApi>;
let youthId: string;

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, youths cascade`);
  clock = new Date();
  fake = createFakeLineApi();
  youthId = (await ensureYouth(database.db, lineUserId, keyring)).id;
});

const deps = () => ({ api: fake.api, keyring, now: () => clock });
const text = (t: string) => [{ type: "text" as const, text: t }];

async function deliverAll() {
  while (await deliverNextOutboxItem(database.db, deps()));
}

async function rows() {
  return database.db.select().from(lineOutbox).orderBy(lineOutbox.seq);
}

describe("outbox", () => {
  it("answers with the reply token while it is fresh", async () => {
    await enqueueReply(database.db, { youthId, replyToken: "tok", receivedAt: clock, messages: text("hi") }, keyring);
    await deliverAll();
    expect(fake.calls).toEqual([{ op: "reply", replyToken: "tok", messages: text("hi") }]);
    expect((await rows())[0]).toMatchObject({ status: "sent", sentVia: "reply" });
  });

  it("pushes, with a retry key, when the token is stale or refused", async () => {
    await enqueueReply(database.db, { youthId, replyToken: "old", receivedAt: new Date(clock.getTime() - 55_000), messages: text("late") }, keyring);
    await enqueueReply(database.db, { youthId, replyToken: "spent", receivedAt: clock, messages: text("spent") }, keyring);
    fake.failNext("reply", 400);
    await deliverAll();
    expect(fake.calls.map((c) => c.op)).toEqual(["push", "push"]);
    const [first, second] = await rows();
    expect(fake.calls[0]).toEqual({ op: "push", to: lineUserId, messages: text("late"), retryKey: first!.retryKey });
    expect(fake.calls[1]).toMatchObject({ retryKey: second!.retryKey });
    expect(first!.retryKey).not.toBe(second!.retryKey);
  });

  it("retries 429, 5xx and network errors with backoff and the same retry key", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("again") } }, keyring);
    fake.failNext("push", 429);
    fake.failNext("push", 500);
    fake.failNext("push", null);
    for (let i = 0; i < 3; i++) {
      expect(await deliverNextOutboxItem(database.db, deps())).toBe(true);
      const [row] = await rows();
      expect(row).toMatchObject({ status: "pending", attempts: i + 1 });
      expect(await deliverNextOutboxItem(database.db, deps())).toBe(false);
      clock = new Date(row!.nextAttemptAt!.getTime() + 1);
    }
    await deliverAll();
    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 4, sentVia: "push" });
    expect(fake.calls).toEqual([{ op: "push", to: lineUserId, messages: text("again"), retryKey: row!.retryKey }]);
  });

  it("treats 409 (a push already accepted under this retry key) as sent", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("dup") } }, keyring);
    fake.failNext("push", 409);
    await deliverAll();
    expect((await rows())[0]).toMatchObject({ status: "sent", httpStatus: 409 });
  });

  it("fails a refused call at once and gives up on retries after the maximum", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("bad") } }, keyring);
    fake.failNext("push", 400);
    await deliverAll();
    expect((await rows())[0]).toMatchObject({ status: "failed", httpStatus: 400, attempts: 1 });

    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("down") } }, keyring);
    fake.failNext("push", 503, OUTBOX_MAX_ATTEMPTS);
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS; i++) {
      await deliverNextOutboxItem(database.db, deps());
      clock = new Date(clock.getTime() + 10 * 60_000);
    }
    expect((await rows())[1]).toMatchObject({ status: "failed", attempts: OUTBOX_MAX_ATTEMPTS, httpStatus: 503 });
  });

  it("keeps a youth's messages in order: a later one waits for an earlier retry", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("1") } }, keyring);
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("2") } }, keyring);
    fake.failNext("push", 500);
    await deliverAll();
    expect(fake.calls).toHaveLength(0);
    clock = new Date(clock.getTime() + 10 * 60_000);
    await deliverAll();
    expect(fake.calls.map((c) => (c.op === "push" ? c.messages[0] : null))).toEqual([{ type: "text", text: "1" }, { type: "text", text: "2" }]);
  });

  it("sends nothing to a youth who blocked the account", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("x") } }, keyring);
    await setYouthFollowing(database.db, youthId, false, clock);
    await deliverAll();
    expect(fake.calls).toHaveLength(0);
    expect((await rows())[0]).toMatchObject({ status: "cancelled" });
  });

  it("makes the other calls: loading animation, mark as read, rich menu link", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "loading", payload: { seconds: 20 } }, keyring);
    await enqueueLineCall(database.db, { youthId, kind: "mark_read", payload: { markAsReadToken: "read-token" } }, keyring);
    await enqueueLineCall(database.db, { youthId, kind: "richmenu_link", payload: { richMenuId: "rm-1" } }, keyring);
    await deliverAll();
    expect(fake.calls).toEqual([
      { op: "loading", chatId: lineUserId, seconds: 20 },
      { op: "markAsRead", markAsReadToken: "read-token" },
      { op: "linkRichMenu", userId: lineUserId, richMenuId: "rm-1" },
    ]);
  });

  it("counts the pushes sent in a month, Japan time, and not the replies", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("a") } }, keyring);
    await enqueueReply(database.db, { youthId, replyToken: "t", receivedAt: clock, messages: text("b") }, keyring);
    clock = new Date("2024-08-31T15:30:00Z"); // 2024-09-01 00:30 in Tokyo
    await deliverAll();
    expect(await countPushesInMonth(database.db, "2024-09")).toBe(1);
    expect(await countPushesInMonth(database.db, "2024-08")).toBe(0);
  });
});

describe("delivery settled", () => {
  it("tells the listener once a call will not be tried again, not while it is retried", async () => {
    const heard: DeliverySettled[] = [];
    const listening = () => ({ ...deps(), onSettled: async (_tx: unknown, settled: DeliverySettled) => void heard.push(settled) });
    const sent = await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("ok") } }, keyring);
    const retried = await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("later") } }, keyring);
    await deliverNextOutboxItem(database.db, listening());
    fake.failNext("push", 500);
    await deliverNextOutboxItem(database.db, listening());
    expect(heard).toEqual([{ outboxId: sent, status: "sent" }]);
    fake.failNext("push", 400);
    clock = new Date(clock.getTime() + 10 * 60_000);
    await deliverNextOutboxItem(database.db, listening());
    const cancelled = await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("gone") } }, keyring);
    await setYouthFollowing(database.db, youthId, false, clock);
    await deliverNextOutboxItem(database.db, listening());
    expect(heard).toEqual([
      { outboxId: sent, status: "sent" },
      { outboxId: retried, status: "failed" },
      { outboxId: cancelled, status: "cancelled" },
    ]);
  });

  it("records the outcome in the listener's transaction: a listener that throws undoes it, and the call is tried again", async () => {
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("x") } }, keyring);
    const failing = { ...deps(), onSettled: async () => Promise.reject(new Error("listener down")) };
    await deliverNextOutboxItem(database.db, failing);
    expect((await rows())[0]).toMatchObject({ status: "pending", sentAt: null, lastError: "listener down" });
  });
});

describe("channel summary", () => {
  it("reports this and last month's pushes (Japan time) and what is pending or failed", async () => {
    const { summarizeLineChannel } = await import("@/lib/line");
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("jan") } }, keyring);
    clock = new Date("2025-01-15T03:00:00Z");
    await deliverAll();
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("fails") } }, keyring);
    fake.failNext("push", 400);
    await deliverAll();
    await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: text("waits") } }, keyring);
    const summary = await summarizeLineChannel(database.db, new Date("2025-02-01T00:00:00+09:00"));
    expect(summary.month).toEqual({ year: 2025, month: 2, pushes: 0 });
    expect(summary.previousMonth).toEqual({ year: 2025, month: 1, pushes: 1 });
    expect(summary.outbox).toEqual({ pending: 1, failed: 1 });
    expect(summary.inbox).toEqual({ pending: 0, failed: 0 });
  });
});
