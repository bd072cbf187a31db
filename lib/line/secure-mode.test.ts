import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consultationMessages, lineOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { SECURE_CHAT_PROMPT_INTERVAL_MS } from "./handlers/message";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const LIFF_URL = "https://liff.line.me/2000000000-abcdefgh";
// Friday evening, outside the staffed hours: the automatic reply names Saturday's session.
const t0 = new Date("2024-08-02T21:00:00+09:00");
let database: TestDatabase;
let clock = t0;

beforeAll(async () => {
  database = await createTestDatabase();
  await saveSchedule(database.db, takeo2024Preset, null, t0, "test");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
});

const youth = "U" + "e".repeat(32);
const deps = () => ({ keyring, now: () => clock, secureChat: { liffUrl: LIFF_URL } });

/** The youth types into the LINE talk at `when`; returns every reply queued so far, oldest first. */
async function typeInTalk(text: string, when: Date) {
  clock = when;
  const raw = JSON.stringify({ destination: "U0", events: [userEvent(youth, { type: "message", message: { id: randomBytes(4).toString("hex"), type: "text", text } }, when.getTime())] });
  await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: clock });
  while (await processNextInboxEvent(database.db, deps()));
  const rows = await database.db.select().from(lineOutbox).orderBy(lineOutbox.seq);
  return rows.map((r) => ({ kind: r.kind, payload: decryptField(keyring, r.payloadEnc!) }));
}

describe(`typing in the LINE talk in secure mode (${testDatabaseKind()})`, () => {
  it("keeps the text, marked as received via LINE, and answers with the hours and a button to the secure chat", async () => {
    const replies = await typeInTalk("家のことで相談したい", t0);
    const stored = await database.db.select().from(consultationMessages);
    expect(stored.map((m) => [m.sender, m.via])).toEqual([["youth", "line"]]);
    expect(decryptField(keyring, stored[0]!.bodyEnc!)).toBe("家のことで相談したい");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.kind).toBe("reply");
    const { messages } = JSON.parse(replies[0]!.payload) as { messages: unknown[] };
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ type: "text", text: expect.stringContaining("8月3日(土) 20:00〜24:00") });
    expect(messages[1]).toEqual({
      type: "template",
      altText: ja.line.secureChatPrompt,
      template: { type: "buttons", text: ja.line.secureChatPrompt, actions: [{ type: "uri", label: ja.line.openSecureChat, uri: LIFF_URL }] },
    });
    expect(replies[0]!.payload).not.toContain("家のこと");
  });

  it("answers a burst of lines once, and again only after a few quiet minutes", async () => {
    await typeInTalk("一行目", t0);
    for (let i = 1; i <= 5; i++) await typeInTalk(`続き${i}`, new Date(t0.getTime() + i * 1000));
    expect(await database.db.select().from(consultationMessages)).toHaveLength(6);
    expect(await database.db.select().from(lineOutbox)).toHaveLength(1);
    const later = await typeInTalk("まだいますか", new Date(t0.getTime() + SECURE_CHAT_PROMPT_INTERVAL_MS + 1000));
    expect(later).toHaveLength(2);
    expect(later[1]!.payload).toContain(ja.line.secureChatPrompt);
    expect(later[1]!.payload).not.toContain("まだいますか");
  });
});
