import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, lineInbox, lineOutbox, youths } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listConsultationMessages } from "@/lib/consultations";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { sign, TEST_CHANNEL_SECRET } from "./testing/webhook";

const fixturesDir = path.join(import.meta.dirname, "testing", "fixtures");
const keyring = createKeyring(randomBytes(32).toString("base64"));
const deps = { keyring, now: () => new Date() };

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

async function post(body: string) {
  return receiveWebhook(database.db, { rawBody: body, signature: sign(body) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() });
}

async function drain() {
  while (await processNextInboxEvent(database.db, deps));
}

async function queuedTexts(): Promise<string[]> {
  const rows = await database.db.select().from(lineOutbox);
  return rows.flatMap((r) => (JSON.parse(decryptField(keyring, r.payloadEnc!)) as { messages: { text: string }[] }).messages.map((m) => m.text));
}

async function storedMessages() {
  const rows = await database.db.select().from(consultationMessages);
  return Promise.all(rows.map(async (r) => (await listConsultationMessages(database.db, r.consultationId, keyring)).find((m) => m.id === r.id) ?? { ...r, text: null }));
}

type Expectation = (fixture: { events: Record<string, unknown>[] }) => Promise<void>;

const ignored: Expectation = async () => {
  const inbox = await database.db.select().from(lineInbox);
  expect(inbox.every((r) => r.status === "ignored")).toBe(true);
  expect(await database.db.select().from(consultationMessages)).toHaveLength(0);
  expect(await database.db.select().from(lineOutbox)).toHaveLength(0);
};

const textStored: Expectation = async (fixture) => {
  const text = (fixture.events[0]!.message as { text: string }).text;
  expect((await storedMessages()).map((m) => [m.kind, m.text])).toEqual([["text", text]]);
  expect(await queuedTexts()).toEqual([ja.autoReply.no_schedule]);
};

const stickerStored: Expectation = async () => {
  expect((await storedMessages()).map((m) => [m.kind, m.text])).toEqual([["sticker", null]]);
  expect(await queuedTexts()).toEqual([ja.autoReply.no_schedule]);
};

const mediaRefused: Expectation = async (fixture) => {
  const type = (fixture.events[0]!.message as { type: string }).type;
  expect((await storedMessages()).map((m) => [m.kind, m.mediaType, m.text])).toEqual([["media_refused", type, null]]);
  expect(await queuedTexts()).toEqual([ja.autoReply.media_refused]);
};

const outcomes: Record<string, Expectation> = {
  "account_link.json": ignored,
  "beacon.json": ignored,
  "beacon_with_dm.json": ignored,
  "file.json": mediaRefused,
  "follow.json": async () => {
    expect(await database.db.select({ following: youths.following }).from(youths)).toEqual([{ following: true }]);
    expect(await queuedTexts()).toEqual([ja.autoReply.greeting]);
  },
  "image.json": mediaRefused,
  "join.json": ignored,
  "leave.json": ignored,
  "location.json": async () => {
    const [message] = await storedMessages();
    expect([message?.kind, message?.text]).toEqual(["location_refused", null]);
    expect(JSON.stringify(await database.db.select().from(consultationMessages))).not.toMatch(/latitude|longitude|address/);
    expect(await queuedTexts()).toEqual([ja.line.locationRefused]);
  },
  "member_joined.json": ignored,
  "member_left.json": ignored,
  "message-edited.json": ignored,
  "postback.json": ignored,
  "sticker-keywords-array.json": stickerStored,
  "sticker-keywords-remove.json": stickerStored,
  "sticker-with-text.json": stickerStored,
  "sticker.json": stickerStored,
  "text-emojis.json": textStored,
  "text-group.json": ignored,
  "text-mention.json": textStored,
  "text-user.json": textStored,
  "unfollow.json": async () => {
    expect(await database.db.select({ following: youths.following }).from(youths)).toEqual([{ following: false }]);
    expect(await database.db.select().from(lineOutbox)).toHaveLength(0);
  },
  "unknown.json": ignored,
  "unsend.json": async () => {
    expect((await database.db.select().from(lineInbox)).map((r) => r.status)).toEqual(["done"]);
  },
  "video-play-complete.json": ignored,
  "video.json": mediaRefused,
  "webhook-redelivery.json": textStored,
};

describe("LINE's own webhook fixtures", () => {
  const files = fs.readdirSync(fixturesDir).filter((f) => f.endsWith(".json"));

  it("has an expected outcome for every fixture", () => {
    expect(files.sort()).toEqual(Object.keys(outcomes).sort());
  });

  it.each(files)("%s is accepted with 200, stored once, and handled", async (file) => {
    const body = fs.readFileSync(path.join(fixturesDir, file), "utf8");
    const fixture = JSON.parse(body) as { events: Record<string, unknown>[] };
    expect(await post(body)).toMatchObject({ status: 200, stored: fixture.events.length });
    expect(await post(body)).toMatchObject({ status: 200, stored: 0 });
    await drain();
    const inbox = await database.db.select().from(lineInbox);
    expect(inbox).toHaveLength(fixture.events.length);
    expect(inbox.every((r) => r.status === "done" || r.status === "ignored")).toBe(true);
    await outcomes[file]!(fixture);
  });
});
