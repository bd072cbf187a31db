import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, lineInbox, lineOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { handleEvent } from "./handlers";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

// The real handlers, with a seam to make one call fail: the worker under test is otherwise untouched.
vi.mock("./handlers", async (importOriginal) => {
  const real = await importOriginal<typeof import("./handlers")>();
  return { ...real, handleEvent: vi.fn(real.handleEvent) };
});

const keyring = createKeyring(randomBytes(32).toString("base64"));
/** PGlite is one connection: while the first worker's transaction is open nothing else runs, so two workers cannot overlap. */
const twoConnections = testDatabaseKind() === "postgres";
let first: TestDatabase;
let second: Database;

if (!twoConnections) console.info("[inbox-lease.test] skipped on PGlite: it has one connection, so a second worker cannot claim while the first holds a transaction");

beforeAll(async () => {
  if (!twoConnections) return;
  first = await createTestDatabase();
  second = await first.connectAgain();
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

/** Stores one event and starts a worker on `first` whose handler waits for the returned `release` before `then` runs. */
async function slowWorker(event: Record<string, unknown>, then: (real: () => Promise<"done" | "ignored">) => Promise<"done" | "ignored">) {
  const raw = JSON.stringify({ destination: "Ubot", events: [event] });
  expect(await receiveWebhook(first.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: new Date() })).toMatchObject({ status: 200 });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const handling = new Promise<void>((r) => (started = r));
  const real = vi.mocked(handleEvent).getMockImplementation()!;
  vi.mocked(handleEvent).mockImplementationOnce(async (...args) => {
    started();
    await released;
    return then(() => real(...args));
  });
  const finished = processNextInboxEvent(first.db, { keyring, now: () => new Date() });
  await handling;
  return { release, finished };
}

/** The second instance's clock is past the first's lease. */
const later = () => new Date(Date.now() + 5 * 60_000);

describe.runIf(twoConnections)(`the inbox claims with a lease (${testDatabaseKind()})`, () => {
  beforeEach(async () => {
    vi.mocked(handleEvent).mockClear();
    await first.db.execute(sql`truncate line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
  });

  it("a worker whose lease ran out records nothing when it fails late: the event is handled exactly once, by the second", async () => {
    const slow = await slowWorker(userEvent("U" + "d".repeat(32), { type: "message", message: { id: "m1", type: "text", text: "聞いて" } }), () => {
      throw new Error("injected failure");
    });

    // The second instance takes the event over and finishes it.
    expect(await processNextInboxEvent(second.db, { keyring, now: later })).toBe(true);
    const [settled] = await second.db.select().from(lineInbox);
    expect(settled).toMatchObject({ status: "done", attempts: 2, lastError: null, leaseUntil: null });

    slow.release();
    expect(await slow.finished).toBe(true);
    const [row] = await first.db.select().from(lineInbox);
    expect(row).toMatchObject({ status: "done", attempts: 2, lastError: null, nextAttemptAt: null });
    expect(await first.db.select().from(consultationMessages)).toHaveLength(1);
    expect(vi.mocked(handleEvent)).toHaveBeenCalledTimes(2);
    expect(await processNextInboxEvent(second.db, { keyring, now: later })).toBe(false);
  });

  it("a worker whose lease ran out and then succeeds rolls its handling back: the youth is greeted once", async () => {
    const slow = await slowWorker(userEvent("U" + "e".repeat(32), { type: "follow" }), (real) => real());
    expect(await processNextInboxEvent(second.db, { keyring, now: later })).toBe(true);
    slow.release();
    expect(await slow.finished).toBe(true);
    expect(await first.db.select().from(lineInbox)).toMatchObject([{ status: "done", attempts: 2, lastError: null }]);
    expect(await first.db.select().from(lineOutbox)).toHaveLength(1);
  });
});
