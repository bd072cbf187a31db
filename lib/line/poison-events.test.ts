import { randomBytes } from "node:crypto";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, lineInbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing";
import { listConsultationMessages } from "@/lib/consultations";
import { createKeyring, encryptField, lookupHash } from "@/lib/crypto";
import { listFailedInboxEvents, processNextInboxEvent, receiveWebhook } from "./index";
import { INBOX_MAX_ATTEMPTS } from "./inbox/process-next-inbox-event";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const deps = { keyring, now: () => new Date() };
const youth = "U" + "b".repeat(32);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
});

async function post(events: unknown[]) {
  const raw = JSON.stringify({ destination: "Ubot", events });
  return receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() });
}

async function drain() {
  while (await processNextInboxEvent(database.db, deps));
}

const text = (id: string, body: string, at = Date.now()) => userEvent(youth, { type: "message", message: { id, type: "text", text: body } }, at);

async function texts() {
  const [first] = await database.db.select().from(consultationMessages);
  return first ? (await listConsultationMessages(database.db, first.consultationId, keyring)).filter((m) => m.sender === "youth").map((m) => m.text) : [];
}

const inbox = () => database.db.select().from(lineInbox).orderBy(asc(lineInbox.eventTimestamp), asc(lineInbox.webhookEventId));

describe(`poison events never block a youth (${testDatabaseKind()})`, () => {
  it("ignores event types that name Object.prototype's properties, and handles the youth's next message", async () => {
    const t = Date.now();
    const odd = ["__proto__", "toString", "constructor", "hasOwnProperty"].map((type, i) => userEvent(youth, { type }, t + i));
    expect(await post([...odd, text("after", "次のメッセージ", t + 10)])).toMatchObject({ status: 200, stored: 5 });
    await drain();
    expect((await inbox()).map((r) => [r.eventType, r.status, r.attempts])).toEqual([
      ["__proto__", "ignored", 1],
      ["toString", "ignored", 1],
      ["constructor", "ignored", 1],
      ["hasOwnProperty", "ignored", 1],
      ["message", "done", 1],
    ]);
    expect(await texts()).toEqual(["次のメッセージ"]);
  });

  it("strips NUL and lone surrogates at the edge: the batch is stored and every message handled", async () => {
    const t = Date.now();
    const answer = await post([text("n\u0000ul", "ぬる\u0000文字", t), text("sur", "半分\uD83D だけ\uDE00", t + 1), userEvent(youth, { type: "fol\u0000low" }, t + 2)]);
    expect(answer).toMatchObject({ status: 200, stored: 3 });
    await drain();
    expect((await inbox()).map((r) => [r.eventType, r.status])).toEqual([
      ["message", "done"],
      ["message", "done"],
      ["follow", "done"],
    ]);
    expect(await texts()).toEqual(["ぬる文字", "半分 だけ"]);
    expect((await database.db.select().from(consultationMessages)).map((m) => m.lineMessageId).sort()).toEqual(["nul", "sur"]);
  });

  it("keeps a malformed event as failed, with its type and reason, and stores the valid ones of its batch", async () => {
    const t = Date.now();
    expect(await post([{ ...text("far", "遠い未来", t), timestamp: 1e20 }, { type: 7 }, text("ok", "ふつう", t + 1)])).toMatchObject({ status: 200, stored: 3 });
    await drain();
    const rows = await inbox();
    expect(rows.filter((r) => r.status === "failed").map((r) => [r.eventType, r.lastError, r.userHash]).sort()).toEqual([
      ["message", "invalid event: timestamp", null],
      ["unknown", "invalid event: type, timestamp", null],
    ]);
    expect(await texts()).toEqual(["ふつう"]);
    const failed = await listFailedInboxEvents(database.db);
    expect(failed.map((f) => f.eventType).sort()).toEqual(["message", "unknown"]);
    expect(JSON.stringify(failed)).not.toContain("遠い未来");
  });

  it("fails an event whose data the handler cannot use at once, and goes on with the youth's later events", async () => {
    // As an event stored before the edge checked timestamps: the handler cannot make a date of it.
    const bad = text("bad", "壊れた", 1e17);
    await database.db.insert(lineInbox).values({
      webhookEventId: String(bad.webhookEventId),
      userHash: lookupHash(keyring, youth),
      sourceType: "user",
      eventType: "message",
      eventTimestamp: 1,
      payloadEnc: encryptField(keyring, JSON.stringify(bad)),
    });
    await post([text("later", "そのあと", Date.now())]);
    await drain();
    const rows = await inbox();
    expect(rows.map((r) => [r.eventType, r.status, r.attempts])).toEqual([
      ["message", "failed", 1],
      ["message", "done", 1],
    ]);
    expect(rows[0]!.lastError).toMatch(/RangeError|date|time/i);
    expect(await texts()).toEqual(["そのあと"]);
  });

  it("gives up on an event whose workers all stopped before finishing, once the last lease runs out", async () => {
    await post([text("stuck", "止まる")]);
    await database.db.update(lineInbox).set({ attempts: INBOX_MAX_ATTEMPTS, leaseUntil: new Date(Date.now() - 1000) });
    expect(await processNextInboxEvent(database.db, deps)).toBe(true);
    expect(await inbox()).toMatchObject([{ status: "failed", attempts: INBOX_MAX_ATTEMPTS, lastError: "gave up: no attempt finished" }]);
    expect(await texts()).toEqual([]);
  });

  it("answers a body nested 50,000 deep with 400, quickly", async () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    const raw = `{"destination":"Ubot","events":[{"type":"message","timestamp":1,"message":${deep}}]}`;
    const started = Date.now();
    expect(await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() })).toEqual({
      status: 400,
      error: "nested too deeply",
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await inbox()).toHaveLength(0);
  });
});
