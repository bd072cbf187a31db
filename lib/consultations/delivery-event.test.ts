import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { deliverNextOutboxItem } from "@/lib/line-api";
import { createFakeLineApi } from "@/lib/line-api/testing/fake-line-api";
import { createKeyring } from "@/lib/crypto";
import { subscribeConsoleEvents, type ConsoleEvent } from "@/lib/realtime";
import { announceMessageDelivery, claimConsultation, sendCounselorMessage, type ConsoleActor } from "./index";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let first: TestDatabase;
let second: Database;
let counselor: ConsoleActor;

beforeAll(async () => {
  first = await createTestDatabase();
  second = await first.connectAgain();
  counselor = await makeStaff(first.db, "counselor", "counselor");
});
afterAll(async () => {
  await second.close();
  await first.close();
});

/** Events of one kind heard on another connection (as another app instance would), until `count` arrive. */
function hear(kind: ConsoleEvent["kind"], count: number) {
  const heard: ConsoleEvent[] = [];
  let resolve!: (events: ConsoleEvent[]) => void;
  const done = new Promise<ConsoleEvent[]>((r) => (resolve = r));
  const stop = subscribeConsoleEvents(second, (event) => {
    if (event.kind !== kind) return;
    heard.push(event);
    if (heard.length === count) resolve(heard);
  });
  return { done, stop };
}

describe(`a settled LINE call tells the consoles showing its message (${testDatabaseKind()})`, () => {
  it("publishes one delivery event per conversation when the counselor's reply is sent, and when it finally fails", async () => {
    const fake = createFakeLineApi();
    const deps = { api: fake.api, keyring, now: () => new Date(), onSettled: announceMessageDelivery };
    const sent = await youthWrites(first.db, keyring, "聞いてほしい");
    const failing = await youthWrites(first.db, keyring, "こんばんは");
    for (const { consultationId } of [sent, failing]) await claimConsultation(first.db, consultationId, counselor, { at: new Date(), maxActive: 5 });
    // Drain the automatic replies first: they belong to no counselor message.
    while (await deliverNextOutboxItem(first.db, deps));

    const { done, stop } = hear("delivery", 2);
    await stop;
    await sendCounselorMessage(first.db, { consultationId: sent.consultationId, text: "話してくれてありがとう。", at: new Date(), mode: "line" }, counselor, keyring);
    await deliverNextOutboxItem(first.db, deps);
    fake.failNext("push", 400);
    await sendCounselorMessage(first.db, { consultationId: failing.consultationId, text: "ここにいます。", at: new Date(), mode: "line" }, counselor, keyring);
    await deliverNextOutboxItem(first.db, deps);

    expect(await done).toEqual([
      { kind: "delivery", consultationId: sent.consultationId },
      { kind: "delivery", consultationId: failing.consultationId },
    ]);
    (await stop)();
  });
});
