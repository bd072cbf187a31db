import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, lineInbox, lineOutbox } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listConsultationMessages } from "@/lib/consultations";
import { createKeyring, lookupHash } from "@/lib/crypto";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { INBOX_MAX_ATTEMPTS } from "./inbox/process-next-inbox-event";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let clock = new Date();
const deps = { keyring, now: () => clock };
const youth = "U" + "a".repeat(32);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  clock = new Date();
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
});

function body(events: Record<string, unknown>[]) {
  return JSON.stringify({ destination: "Ubot", events });
}

async function post(raw: string, signature: string | null = sign(raw)) {
  return receiveWebhook(database.db, { rawBody: raw, signature }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() });
}

async function drain() {
  while (await processNextInboxEvent(database.db, deps));
}

async function texts() {
  const rows = await database.db.select().from(consultationMessages);
  if (rows.length === 0) return [];
  return (await listConsultationMessages(database.db, rows[0]!.consultationId, keyring)).map((m) => m.text);
}

describe("webhook reception", () => {
  it("refuses a forged, missing or other-secret signature and stores nothing", async () => {
    const raw = body([userEvent(youth, { type: "message", message: { id: "1", type: "text", text: "hi" } })]);
    expect(await post(raw, null)).toEqual({ status: 401, error: "invalid signature" });
    expect(await post(raw, sign(raw, "another-secret"))).toMatchObject({ status: 401 });
    expect(await post(raw.replace("hi", "ho"), sign(raw))).toMatchObject({ status: 401 });
    expect(await database.db.select().from(lineInbox)).toHaveLength(0);
  });

  it("answers 400 to signed but malformed or truncated JSON", async () => {
    const truncated = body([userEvent(youth, { type: "follow" })]).slice(0, 40);
    expect(await post(truncated)).toEqual({ status: 400, error: "malformed JSON" });
    expect(await post(JSON.stringify({ events: "nope" }))).toEqual({ status: 400, error: "not a webhook body" });
  });

  it("answers 200 to an empty event list (LINE's verify request)", async () => {
    expect(await post(body([]))).toEqual({ status: 200, stored: 0, received: 0 });
  });

  it("stores the event encrypted, with no user id or text in clear", async () => {
    await post(body([userEvent(youth, { type: "message", message: { id: "m1", type: "text", text: "死にたい" } })]));
    const [row] = await database.db.select().from(lineInbox);
    expect(row!.payloadEnc).not.toContain("死にたい");
    expect(row!.payloadEnc).not.toContain(youth);
    expect(row!.userHash).toBe(lookupHash(keyring, youth));
  });

  it("keeps surrogate pairs, LINE emoji and a 5,000-character text intact", async () => {
    const long = "あ".repeat(4990) + "𠮷😢$$$$$".slice(0, 10);
    await post(body([userEvent(youth, { type: "message", message: { id: "m1", type: "text", text: long, emojis: [{ index: 0, length: 6, productId: "x", emojiId: "001" }] } })]));
    await drain();
    expect(await texts()).toEqual([long]);
  });
});

describe("event worker", () => {
  it("processes a user's events in timestamp order even when they arrive out of order", async () => {
    const t = Date.now();
    await post(body([userEvent(youth, { type: "message", message: { id: "m3", type: "text", text: "three" } }, t + 3)]));
    await post(body([userEvent(youth, { type: "message", message: { id: "m1", type: "text", text: "one" } }, t + 1)]));
    await post(body([userEvent(youth, { type: "message", message: { id: "m2", type: "text", text: "two" } }, t + 2)]));
    await drain();
    expect(await texts()).toEqual(["one", "two", "three"]);
  });

  it("is idempotent: the same message under a new event id is recorded once", async () => {
    const message = { id: "same", type: "text", text: "once" };
    await post(body([userEvent(youth, { type: "message", message })]));
    await post(body([userEvent(youth, { type: "message", message })]));
    await drain();
    expect(await texts()).toEqual(["once"]);
  });

  it("tells a youth sending many images once per few minutes, and never records content", async () => {
    const images = Array.from({ length: 4 }, (_, i) => userEvent(youth, { type: "message", message: { id: `img${i}`, type: "image", contentProvider: { type: "line" } } }, Date.now() + i));
    await post(body(images));
    await drain();
    expect(await database.db.select().from(lineOutbox)).toHaveLength(1);
    clock = new Date(clock.getTime() + 6 * 60_000);
    await post(body([userEvent(youth, { type: "message", message: { id: "img9", type: "video" } })]));
    await drain();
    expect(await database.db.select().from(lineOutbox)).toHaveLength(2);
    expect((await database.db.select().from(consultationMessages)).every((m) => m.bodyEnc === null)).toBe(true);
  });

  it("hides an unsent message from staff and erases its text", async () => {
    await post(body([userEvent(youth, { type: "message", message: { id: "oops", type: "text", text: "送信取消したい" } })]));
    await post(body([userEvent(youth, { type: "message", message: { id: "keep", type: "text", text: "残す" } }, Date.now() + 1)]));
    await post(body([userEvent(youth, { type: "unsend", unsend: { messageId: "oops" } }, Date.now() + 2)]));
    await drain();
    expect(await texts()).toEqual(["残す"]);
    const hidden = (await database.db.select().from(consultationMessages)).find((m) => m.lineMessageId === "oops");
    expect(hidden).toMatchObject({ bodyEnc: null });
    expect(hidden?.hiddenAt).toBeInstanceOf(Date);
  });

  it("records a failing event's error, retries it with backoff, and gives up visibly", async () => {
    await post(body([userEvent(youth, { type: "message", message: { id: "x", type: "text", text: "t" } })]));
    await database.db.execute(sql`alter table consultation_messages add constraint block_all check (false) not valid`);
    try {
      expect(await processNextInboxEvent(database.db, deps)).toBe(true);
      let [row] = await database.db.select().from(lineInbox);
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row!.lastError).toMatch(/block_all|check constraint/);
      expect(row!.nextAttemptAt!.getTime()).toBeGreaterThan(clock.getTime());
      expect(await processNextInboxEvent(database.db, deps)).toBe(false);
      for (let i = 1; i < INBOX_MAX_ATTEMPTS; i++) {
        clock = new Date(clock.getTime() + 10 * 60_000);
        await processNextInboxEvent(database.db, deps);
      }
      [row] = await database.db.select().from(lineInbox);
      expect(row).toMatchObject({ status: "failed", attempts: INBOX_MAX_ATTEMPTS });
    } finally {
      await database.db.execute(sql`alter table consultation_messages drop constraint block_all`);
    }
  });

  it("lets several workers share the inbox: each event is handled exactly once", async () => {
    const users = Array.from({ length: 10 }, (_, i) => "U" + String(i).repeat(32));
    const events = users.flatMap((u, i) => [0, 1, 2].map((n) => userEvent(u, { type: "message", message: { id: `${i}-${n}`, type: "text", text: `${n}` } }, Date.now() + n)));
    await post(body(events));
    const worker = async () => {
      while (await processNextInboxEvent(database.db, deps));
    };
    await Promise.all([worker(), worker(), worker()]);
    const rows = await database.db.select().from(lineInbox);
    expect(rows.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
    expect(await database.db.select().from(consultationMessages)).toHaveLength(30);
  });
});

describe("a request with several events", () => {
  it("stores all of them or none: a failure on one leaves nothing stored", async () => {
    const good = userEvent(youth, { type: "follow" });
    const raw = body([good, { ...userEvent(youth, { type: "follow" }), webhookEventId: "x".repeat(100) }]);
    await database.db.execute(sql`alter table line_inbox add constraint short_ids check (length(webhook_event_id) < 100) not valid`);
    try {
      await expect(post(raw)).rejects.toThrow();
      expect(await database.db.select().from(lineInbox)).toHaveLength(0);
    } finally {
      await database.db.execute(sql`alter table line_inbox drop constraint short_ids`);
    }
    expect(await post(raw)).toMatchObject({ status: 200, stored: 2 });
  });
});
