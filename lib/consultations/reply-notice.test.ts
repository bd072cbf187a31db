import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consultationMessages, lineOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { closeChatConnection, openChatConnection } from "@/lib/presence";
import { CHAT_CONNECTION_LEASE_MS } from "@/lib/presence/lease";
import { claimConsultation, sendCounselorMessage, type ConsoleActor } from "./index";
import { REPLY_NOTICE_QUIET_MS } from "./queue-reply-notice";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const LIFF_URL = "https://liff.line.me/2000000000-abcdefgh";
const t0 = new Date("2026-04-04T11:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
let database: TestDatabase;
let counselor: ConsoleActor;
let consultationId: string;
let youthId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  counselor = await makeStaff(database.db, "notice-counselor", "counselor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, youth_chat_connections, consultation_messages, consultations, youths cascade`);
  const wrote = await youthWrites(database.db, keyring, "聞いてほしいことがあります", { at: t0 });
  consultationId = wrote.consultationId;
  youthId = wrote.youthId;
  await claimConsultation(database.db, consultationId, counselor, { at: t0, maxActive: 3 });
});

const reply = (text: string, when: Date, liffUrl: string | null = LIFF_URL) =>
  sendCounselorMessage(database.db, { consultationId, text, at: when, mode: "secure", liffUrl }, counselor, keyring);

async function outboxOfYouth() {
  return database.db.select().from(lineOutbox).where(eq(lineOutbox.youthId, youthId));
}

async function outboxIdsOf(messageIds: string[]) {
  const rows = await database.db.select({ outboxId: consultationMessages.outboxId }).from(consultationMessages).where(inArray(consultationMessages.id, messageIds));
  return rows.map((r) => r.outboxId);
}

const markSent = (id: string) => database.db.update(lineOutbox).set({ status: "sent" }).where(eq(lineOutbox.id, id));

describe(`the content-free reply notice (${testDatabaseKind()})`, () => {
  it("is one LINE push per burst, with a button to the secure chat and none of the counselor's words", async () => {
    const sent = [await reply("ひとつめの返信です", at(1000)), await reply("ふたつめ", at(2000)), await reply("みっつめ", at(3000))];
    const rows = await outboxOfYouth();
    expect(rows).toHaveLength(1);
    expect(await outboxIdsOf(sent.map((s) => s.messageId))).toEqual([rows[0]!.id, rows[0]!.id, rows[0]!.id]);
    const payload = JSON.parse(decryptField(keyring, rows[0]!.payloadEnc!)) as { messages: unknown[] };
    expect(payload.messages).toEqual([
      {
        type: "template",
        altText: ja.line.replyNotice,
        template: { type: "buttons", text: ja.line.replyNotice, actions: [{ type: "uri", label: ja.line.openSecureChat, uri: LIFF_URL }] },
      },
    ]);
    expect(JSON.stringify(payload)).not.toMatch(/返信です|ふたつめ|みっつめ|聞いてほしい/);
  });

  it("stays quiet after a notice went out until the youth looks or the quiet time passes", async () => {
    await reply("一通目", at(1000));
    const [first] = await outboxOfYouth();
    await markSent(first!.id);
    await reply("二通目", at(REPLY_NOTICE_QUIET_MS - 1000));
    expect(await outboxOfYouth()).toHaveLength(1);
    // Ten minutes on and still unseen: one reminder.
    await reply("三通目", at(REPLY_NOTICE_QUIET_MS + 2000));
    expect(await outboxOfYouth()).toHaveLength(2);
  });

  it("notices again at once when the youth read the chat and left since the last notice", async () => {
    await reply("一通目", at(1000));
    const [first] = await outboxOfYouth();
    await markSent(first!.id);
    const connection = await openChatConnection(database.db, youthId, at(60_000));
    await closeChatConnection(database.db, connection, at(90_000));
    const { messageId } = await reply("読んだあとの返信", at(120_000));
    const second = (await outboxOfYouth()).filter((r) => r.id !== first!.id);
    expect(second).toHaveLength(1);
    expect(await outboxIdsOf([messageId])).toEqual([second[0]!.id]);
  });

  it("sends nothing while the youth has the chat open, and again once its lease ran out (its instance died)", async () => {
    await openChatConnection(database.db, youthId, at(0));
    const { messageId } = await reply("見ている間の返信", at(1000));
    expect(await outboxOfYouth()).toHaveLength(0);
    expect(await outboxIdsOf([messageId])).toEqual([null]);
    await reply("応答のないまま", at(CHAT_CONNECTION_LEASE_MS + 1));
    expect(await outboxOfYouth()).toHaveLength(1);
  });

  it("points at the menu in plain text when no LIFF app is configured", async () => {
    await reply("返信", at(1000), null);
    const [row] = await outboxOfYouth();
    expect(JSON.parse(decryptField(keyring, row!.payloadEnc!))).toEqual({ messages: [{ type: "text", text: `${ja.line.replyNotice}\n${ja.line.openFromMenu}` }] });
  });

  it("sees a youth connected through another app instance (the presence lives in the database)", async () => {
    const other = await database.connectAgain();
    try {
      const connection = await openChatConnection(other.db, youthId, at(0));
      await reply("別のサーバーで見ている", at(1000));
      expect(await outboxOfYouth()).toHaveLength(0);
      await closeChatConnection(other.db, connection, at(2000));
      await reply("閉じたあと", at(3000));
      expect(await outboxOfYouth()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
