import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultations, lineOutbox } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { createStaff } from "@/lib/auth";
import { now, setClockForTests } from "@/lib/clock";
import { createKeyring, decryptField } from "@/lib/crypto";
import { easy, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { listConsultationMessages } from "@/lib/consultations";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { autoReplyKindSchema, listAutoReplyTemplates, previewAutoReply, saveAutoReplyTemplate, sendClosingNotices } from "./index";

/** The session after the one ending at midnight on Saturday 8月10日, as the youth is told it. */
const NEXT_AFTER_AUGUST_10 = "8月11日(日) 20:00〜24:00";
const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let admin: { id: string; loginId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await saveSchedule(database.db, takeo2024Preset, null, now(), "test");
  admin = { id: (await createStaff(database.db, { loginId: "admin", displayName: "a", role: "admin", password: "long enough password" }, null)).id, loginId: "admin" };
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
});
afterEach(() => setClockForTests(null));

/** A youth writes while the app's clock stands at `origin`, as SOUDAN_TIME_ORIGIN would set it. */
async function youthWritesAt(origin: string, text: string, userId = "U" + "c".repeat(32)): Promise<string[]> {
  setClockForTests(new Date(origin));
  const raw = JSON.stringify({ destination: "U0", events: [userEvent(userId, { type: "message", message: { id: randomBytes(4).toString("hex"), type: "text", text } }, Date.now())] });
  await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: now() });
  while (await processNextInboxEvent(database.db, { keyring, now }));
  const rows = await database.db.select().from(lineOutbox).orderBy(lineOutbox.seq);
  return rows.map((r) => (JSON.parse(decryptField(keyring, r.payloadEnc!)) as { messages: { text: string }[] }).messages[0]!.text);
}

describe("automatic replies on LINE", () => {
  it("Friday 21:00 names Saturday 8月3日 20:00, once, however many lines follow", async () => {
    expect(await youthWritesAt("2024-08-02T21:00:00+09:00", "こんばんは")).toEqual([
      "メッセージを受け付けました。いまは相談時間外です。次の相談時間は 8月3日(土) 20:00〜24:00 です。その時間になったら、相談員が順番にお返事します。",
    ]);
    expect(await youthWritesAt("2024-08-02T21:05:00+09:00", "聞いてほしいことがあって")).toHaveLength(1);
  });

  it("during the new-year closure names 1月11日", async () => {
    const [reply] = await youthWritesAt("2024-12-29T15:00:00+09:00", "年末ひとりでつらい");
    expect(reply).toContain("2025年1月11日(土) 20:00〜24:00");
  });

  it("during staffed hours gives the waiting notice with position and estimated wait", async () => {
    await youthWritesAt("2024-08-03T20:30:00+09:00", "先に待ってる", "U" + "d".repeat(32));
    const replies = await youthWritesAt("2024-08-03T20:31:00+09:00", "相談したい");
    expect(replies[1]).toContain("あなたの順番は 2 番目、待ち時間の目安は 約30分 です");
  });

  it("sends no out-of-hours notice into a conversation a counselor keeps going past closing time", async () => {
    const userId = "U" + "a".repeat(32);
    await youthWritesAt("2024-08-03T23:50:00+09:00", "聞いてほしい", userId);
    await database.db.update(consultations).set({ assignedTo: admin.id });
    await database.db.execute(sql`truncate line_outbox`);
    expect(await youthWritesAt("2024-08-04T00:20:00+09:00", "まだ話してもいい？", userId)).toEqual([]);
    expect(await youthWritesAt("2024-08-04T04:00:00+09:00", "ありがとう", userId)).toEqual([]);
  });
});

describe("templates edited by admins", () => {
  it("replace the default, are validated, audited, restorable, and shown in the preview", async () => {
    await saveAutoReplyTemplate(database.db, { kind: "out_of_hours", body: "時間外です。{次の相談時間} にお返事します。", at: new Date() }, admin);
    expect(await previewAutoReply(database.db, new Date("2024-08-02T21:00:00+09:00"))).toEqual({
      kind: "out_of_hours",
      text: "時間外です。8月3日(土) 20:00〜24:00 にお返事します。",
    });
    await expect(saveAutoReplyTemplate(database.db, { kind: "out_of_hours", body: "{名前} さん", at: new Date() }, admin)).rejects.toThrow(/使えない差し込み項目/);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "autoreply.changed", target: "autoreply:out_of_hours" });
    await saveAutoReplyTemplate(database.db, { kind: "out_of_hours", body: null, at: new Date() }, admin);
    const templates = await listAutoReplyTemplates(database.db);
    expect(templates.find((t) => t.kind === "out_of_hours")).toMatchObject({ isDefault: true, body: ja.autoReply.out_of_hours });
    expect(templates).toHaveLength(autoReplyKindSchema.options.length);
  });

  it("preview says 'you are next' during a session and 'service ended' after the period", async () => {
    expect((await previewAutoReply(database.db, new Date("2024-08-03T20:30:00+09:00"))).kind).toBe("waiting_next");
    expect((await previewAutoReply(database.db, new Date("2025-04-02T20:30:00+09:00"))).kind).toBe("service_ended");
  });
});

describe("closing time", () => {
  it("tells youth still waiting when they will be answered, once per session, and keeps them queued", async () => {
    await youthWritesAt("2024-08-03T23:50:00+09:00", "まだ待ってます", "U" + "e".repeat(32));
    await database.db.execute(sql`truncate line_outbox`);
    const deps = { at: new Date("2024-08-04T00:00:30+09:00"), keyring, policy: "keep" as const };
    expect(await sendClosingNotices(database.db, deps)).toBe(1);
    expect(await sendClosingNotices(database.db, deps)).toBe(0);
    const rows = await database.db.select().from(lineOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe("push");
    expect((JSON.parse(decryptField(keyring, rows[0]!.payloadEnc!)) as { messages: { text: string }[] }).messages[0]!.text).toContain("次の相談時間 8月4日(日) 20:00〜24:00");
    expect((await database.db.select().from(consultations))[0]).toMatchObject({ status: "open", lastAutoReplyKind: "closing_while_waiting" });
  });

  it("with policy 'close' ends the waiting consultations, telling each youth once that it ended and when the next session is", async () => {
    await youthWritesAt("2024-08-10T23:00:00+09:00", "待ってる", "U" + "f".repeat(32));
    await database.db.execute(sql`truncate line_outbox`);
    expect(await sendClosingNotices(database.db, { at: new Date("2024-08-11T00:01:00+09:00"), keyring, policy: "close" })).toBe(1);
    const [consultation] = await database.db.select().from(consultations);
    expect(consultation).toMatchObject({ status: "closed", closeReason: "closing_time", lastAutoReplyKind: "closed_at_closing_time" });
    const expected = ja.autoReply.closed_at_closing_time.replace("{次の相談時間}", NEXT_AFTER_AUGUST_10);
    const pushes = (await database.db.select().from(lineOutbox)).map((r) => (JSON.parse(decryptField(keyring, r.payloadEnc!)) as { messages: { text: string }[] }).messages.map((m) => m.text));
    expect(pushes).toEqual([[expected]]);
    // Kept in the conversation like every other message, so the console and the secure chat show it.
    expect((await listConsultationMessages(database.db, consultation!.id, keyring)).at(-1)).toMatchObject({ sender: "system", text: expected });
  });

  it("with policy 'close' speaks やさしい日本語 to a youth who said 小学生", async () => {
    await youthWritesAt("2024-08-10T23:00:00+09:00", "待ってる", "U" + "9".repeat(32));
    await database.db.update(consultations).set({ intake: { ageBand: "elementary" } });
    // The test before handled this session already: each session is handled once.
    await database.db.execute(sql`truncate line_outbox, session_closings`);
    await sendClosingNotices(database.db, { at: new Date("2024-08-11T00:01:00+09:00"), keyring, policy: "close" });
    const [row] = await database.db.select().from(lineOutbox);
    expect((JSON.parse(decryptField(keyring, row!.payloadEnc!)) as { messages: { text: string }[] }).messages[0]!.text).toBe(
      rubyToKana(easy.autoReply.closed_at_closing_time).replace("{次の相談時間}", NEXT_AFTER_AUGUST_10),
    );
  });
});
