import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { publishConsoleEvent, subscribeConsoleEvents, type ConsoleEvent } from "./index";

let first: TestDatabase;
let second: Database;

beforeAll(async () => {
  first = await createTestDatabase();
  second = await first.connectAgain();
});
afterAll(async () => {
  await second.close();
  await first.close();
});

/** Resolves with the events received once `count` have arrived (no timing: it waits for them). */
function collect(database: Database, count: number): { done: Promise<ConsoleEvent[]>; stop: Promise<() => void> } {
  const events: ConsoleEvent[] = [];
  let resolve!: (e: ConsoleEvent[]) => void;
  const done = new Promise<ConsoleEvent[]>((r) => (resolve = r));
  const stop = subscribeConsoleEvents(database, (event) => {
    events.push(event);
    if (events.length === count) resolve(events);
  });
  return { done, stop };
}

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe(`console events over LISTEN/NOTIFY (${testDatabaseKind()})`, () => {
  it("a notify committed through one client reaches a listener on another, and a rolled-back one never does", async () => {
    const { done, stop } = collect(second, 2);
    await stop;
    await first.db
      .transaction(async (tx) => {
        await publishConsoleEvent(tx, { kind: "queue", consultationId: id(1) });
        throw new Error("rollback");
      })
      .catch(() => {});
    await publishConsoleEvent(first.db, { kind: "message", consultationId: id(2) });
    await first.db.transaction(async (tx) => publishConsoleEvent(tx, { kind: "assignment", consultationId: id(3), staffId: id(4) }));
    expect(await done).toEqual([
      { kind: "message", consultationId: id(2) },
      { kind: "assignment", consultationId: id(3), staffId: id(4) },
    ]);
    (await stop)();
  });

  it("refuses to publish anything but ids and a kind", async () => {
    await expect(publishConsoleEvent(first.db, { kind: "message", consultationId: "死にたい" })).rejects.toThrow();
  });
});
