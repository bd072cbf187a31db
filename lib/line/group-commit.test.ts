import { randomBytes } from "node:crypto";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { consultationMessages, lineInbox } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { runYieldingToInboxWrites, storeInboxRows, type InboxRow } from "./inbox/store-inbox-rows";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const deps = { keyring, now: () => new Date() };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
});

/** The database with its INSERT statements counted. */
function countingInserts(db: Db): { db: Db; inserts: () => number } {
  let inserts = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== "insert") return value;
      return (...args: unknown[]) => {
        inserts++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: counted, inserts: () => inserts };
}

function post(db: Db, events: Record<string, unknown>[]) {
  const raw = JSON.stringify({ destination: "Ubot", events });
  return receiveWebhook(db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: new Date() });
}

const text = (user: string, n: number, at = Date.now()) => userEvent(user, { type: "message", message: { id: `${user}-${n}`, type: "text", text: `${n}` } }, at);

describe("group commit of webhook inserts", () => {
  it("lets concurrent requests share statements, answering each only once its rows are committed", async () => {
    const { db, inserts } = countingInserts(database.db);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(db, [text("U" + "1".repeat(32), i)])));
    expect(answers.every((a) => a.status === 200 && a.stored === 1)).toBe(true);
    expect(await database.db.select().from(lineInbox)).toHaveLength(40);
    // The first statement starts on the next turn of the event loop: requests made in this one all share it.
    expect(inserts()).toBe(1);
  });

  it("counts an event sent twice at once (a redelivery racing its original) as stored once", async () => {
    const event = text("U" + "2".repeat(32), 1);
    const answers = await Promise.all([post(database.db, [event]), post(database.db, [event]), post(database.db, [event])]);
    expect(answers.map((a) => (a.status === 200 ? a.stored : -1)).reduce((x, y) => x + y)).toBe(1);
    expect(await database.db.select().from(lineInbox)).toHaveLength(1);
  });

  const row = (id: string): InboxRow => ({ webhookEventId: id, sourceType: "user", eventType: "follow", eventTimestamp: 1, payloadEnc: "x", receivedAt: new Date() });
  const storedIds = async () => (await database.db.select({ id: lineInbox.webhookEventId }).from(lineInbox).orderBy(asc(lineInbox.webhookEventId))).map((r) => r.id);

  it("fails only the request whose row is bad, storing the others of its batch", async () => {
    const broken = { ...row("broken"), eventType: null } as unknown as InboxRow;
    const { db, inserts } = countingInserts(database.db);
    // Made in one turn of the event loop, the four share one statement, which fails.
    const first = storeInboxRows(db, [row("first")]);
    const second = storeInboxRows(db, [row("second"), row("second-b")]);
    const third = storeInboxRows(db, [broken]);
    const fourth = storeInboxRows(db, [row("fourth"), row("first")]);
    await expect(first).resolves.toBe(1);
    await expect(second).resolves.toBe(2);
    await expect(third).rejects.toThrow();
    // "first" was already stored by the first request's own statement: only "fourth" is new.
    await expect(fourth).resolves.toBe(1);
    expect(await storedIds()).toEqual(["first", "fourth", "second", "second-b"]);
    // The failed batch, then each of its four requests alone.
    expect(inserts()).toBe(5);
  });

  it("fails the whole batch at once when the database cannot be reached, without retrying each request", async () => {
    let inserts = 0;
    const down = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property !== "insert") return Reflect.get(target, property, receiver) as unknown;
        return () => {
          inserts++;
          const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
          return { values: () => ({ onConflictDoNothing: () => ({ returning: () => Promise.reject(new Error("Failed query", { cause: refused })) }) }) };
        };
      },
    });
    const answers = await Promise.allSettled(["a", "b", "c", "d"].map((id) => storeInboxRows(down, [row(id)])));
    expect(answers.every((a) => a.status === "rejected")).toBe(true);
    // One statement for the four: none written again alone.
    expect(inserts).toBe(1);
    expect(await storedIds()).toEqual([]);
  });
});

describe("the worker yielding to webhook inserts", () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("runs at once and does not pause when no webhook comes in", async () => {
    // A database of its own: the webhooks the other tests sent within the last second would count as traffic.
    const quiet = new Proxy(database.db, {});
    const started = performance.now();
    await runYieldingToInboxWrites(quiet, () => sleep(300), 2);
    // A pause would double it at least.
    expect(performance.now() - started).toBeLessThan(550);
  });

  it("starts only once the webhook rows in flight are committed", async () => {
    const answer = post(database.db, [text("U" + "3".repeat(32), 1)]);
    const seen = await runYieldingToInboxWrites(database.db, () => database.db.select().from(lineInbox), 2);
    expect(seen).toHaveLength(1);
    await expect(answer).resolves.toMatchObject({ stored: 1 });
  });

  it("pauses its pause factor times as long as its pass took while webhooks are coming in, even when none came during the pass", async () => {
    const busy = new Proxy(database.db, {});
    await post(busy, [text("U" + "4".repeat(32), 1)]);
    const twice = performance.now();
    await runYieldingToInboxWrites(busy, () => sleep(100), 2);
    expect(performance.now() - twice).toBeGreaterThanOrEqual(290);
    const once = performance.now();
    await runYieldingToInboxWrites(busy, () => sleep(100), 1);
    expect(performance.now() - once).toBeGreaterThanOrEqual(190);
  });

  it("goes ahead after a short wait when the inserts do not finish", async () => {
    const never = { insert: () => ({ values: () => ({ onConflictDoNothing: () => ({ returning: () => new Promise(() => {}) }) }) }) } as unknown as Db;
    void storeInboxRows(never, [{ webhookEventId: "stuck", sourceType: "user", eventType: "follow", eventTimestamp: 1 }]);
    const started = performance.now();
    const ran = await runYieldingToInboxWrites(never, async () => performance.now(), 2);
    expect(ran - started).toBeGreaterThanOrEqual(45);
    expect(ran - started).toBeLessThan(1000);
  });
});

describe("two app instances draining one backlog", () => {
  it("handles each event once and every youth's events in order", async () => {
    const other = await database.connectAgain();
    try {
      const users = Array.from({ length: 8 }, (_, i) => "U" + String(i).repeat(32));
      const base = Date.now();
      // Later events sent first: the order is the events' timestamps, not their arrival.
      for (let n = 5; n >= 0; n--) await post(database.db, users.map((u) => text(u, n, base + n)));
      const drain = async (db: Db) => {
        while (await processNextInboxEvent(db, deps));
      };
      await Promise.all([drain(database.db), drain(database.db), drain(other.db), drain(other.db)]);
      expect((await database.db.select().from(lineInbox)).every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
      const messages = await database.db.select().from(consultationMessages).orderBy(asc(consultationMessages.createdAt), asc(consultationMessages.id));
      expect(messages).toHaveLength(48);
      const perConsultation = new Map<string, Date[]>();
      for (const m of messages) perConsultation.set(m.consultationId, [...(perConsultation.get(m.consultationId) ?? []), m.sentAt]);
      expect(perConsultation.size).toBe(8);
      for (const times of perConsultation.values()) expect(times.map((t) => t.getTime())).toEqual(Array.from({ length: 6 }, (_, n) => base + n));
    } finally {
      await other.close();
    }
  });
});
