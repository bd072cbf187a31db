import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consultations, lineOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { saveAutoReplyTemplate } from "@/lib/autoreply";
import { now, setClockForTests } from "@/lib/clock";
import { claimConsultation, closeConsultationWithRecord, type ConsoleActor } from "@/lib/consultations";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { processNextInboxEvent, receiveWebhook } from "./index";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

type Sent = { type: string; text?: string; quickReply?: { items: { action: { label: string; data?: string } }[] } };

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;
let alice: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await makeStaff(database.db, "alice", "counselor");
  await saveSchedule(database.db, takeo2024Preset, null, new Date(), "test");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultation_records, consultation_timings, consultations, line_inbox, youths, auto_reply_templates cascade`);
});
afterEach(() => setClockForTests(null));

const user = () => "U" + randomBytes(16).toString("hex");

/** One LINE event from `userId` at the app's clock `iso`, handled in line mode; returns what was queued for LINE meanwhile, by kind. */
async function event(userId: string, iso: string, fields: Record<string, unknown>): Promise<{ reply: Sent[]; push: Sent[] }> {
  setClockForTests(new Date(iso));
  const before = new Set((await database.db.select({ id: lineOutbox.id }).from(lineOutbox)).map((r) => r.id));
  const raw = JSON.stringify({ destination: "U0", events: [userEvent(userId, fields, Date.now())] });
  await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: now() });
  while (await processNextInboxEvent(database.db, { keyring, now, chatMode: "line" }));
  const rows = (await database.db.select().from(lineOutbox).orderBy(lineOutbox.seq)).filter((r) => !before.has(r.id));
  const messages = (kind: string) => rows.filter((r) => r.kind === kind).flatMap((r) => (JSON.parse(decryptField(keyring, r.payloadEnc!)) as { messages: Sent[] }).messages);
  return { reply: messages("reply"), push: messages("push") };
}
const text = (body: string) => ({ type: "message", message: { id: randomBytes(6).toString("hex"), type: "text", text: body } });
const postback = (data: string) => ({ type: "postback", postback: { data } });

const record = {
  ageBand: "junior_high",
  gender: "female",
  topics: ["bullying"],
  contentSummary: "要約",
  responseSummary: "対応",
  outcome: "advice",
  referralAgencyId: "",
  emergency: false,
  informationShared: false,
  outOfScope: false,
};

describe(`line mode, the youth's side (${testDatabaseKind()})`, () => {
  it("相談する starts the consultation in the talk: greeting, queue notice, then the intake's first question", async () => {
    const youth = user();
    const { reply } = await event(youth, "2024-08-03T20:30:00+09:00", postback("action=consult"));
    expect(reply.map((m) => m.text)).toEqual([ja.autoReply.consult_start, expect.stringContaining("次はあなたの番です"), expect.stringContaining("年代")]);
    const [opened] = await database.db.select().from(consultations);
    expect(opened).toMatchObject({ status: "open", channel: "line", intakeStep: "ageBand" });
    // Pressed again while waiting: where they stand, not a second consultation.
    const again = await event(youth, "2024-08-03T20:31:00+09:00", postback("action=consult"));
    expect(again.reply[0]?.text).toContain("次はあなたの番です");
    expect(await database.db.select().from(consultations)).toHaveLength(1);
  });

  it("「順番を確認」 answers with the place the queue gives (risk first) and a fresh estimate, by reply token", async () => {
    const first = user();
    const second = user();
    await event(first, "2024-08-03T20:30:00+09:00", text("相談したい"));
    await event(second, "2024-08-03T20:31:00+09:00", text("話を聞いて"));
    const asked = await event(second, "2024-08-03T20:32:00+09:00", postback("action=queue"));
    expect(asked.push).toEqual([]);
    expect(asked.reply[0]?.text).toContain("あなたの順番は 2 番目、待ち時間の目安は 約30分");
    expect(asked.reply[0]?.quickReply?.items[0]?.action).toMatchObject({ label: "順番を確認", data: "action=queue" });
    // A high-risk message moves the youth ahead of the one who wrote first.
    await event(second, "2024-08-03T20:33:00+09:00", text("死にたい"));
    expect((await event(second, "2024-08-03T20:34:00+09:00", postback("action=queue"))).reply[0]?.text).toContain("次はあなたの番です");
    expect((await event(first, "2024-08-03T20:34:00+09:00", postback("action=queue"))).reply[0]?.text).toContain("あなたの順番は 2 番目");
    // Claimed: a counselor is with them.
    const [row] = await database.db.select().from(consultations).where(eq(consultations.priority, 2));
    await claimConsultation(database.db, row!.id, alice, { at: new Date("2024-08-03T20:35:00+09:00"), maxActive: 5 });
    expect((await event(second, "2024-08-03T20:36:00+09:00", postback("action=queue"))).reply[0]?.text).toBe(ja.queueStatus.talking);
    expect((await event(first, "2024-08-03T20:36:00+09:00", postback("action=queue"))).reply[0]?.text).toContain("次はあなたの番です");
  });

  it("after the counselor closes, the youth is told, and the next message opens a new consultation with the in-hours notice and the intake", async () => {
    const youth = user();
    await event(youth, "2024-08-03T20:30:00+09:00", text("相談したい"));
    const [first] = await database.db.select().from(consultations);
    await claimConsultation(database.db, first!.id, alice, { at: new Date("2024-08-03T20:31:00+09:00"), maxActive: 5 });
    // Held: the counselor answers, no automatic queue notice.
    expect((await event(youth, "2024-08-03T20:32:00+09:00", text("よろしく"))).reply).toEqual([]);
    setClockForTests(new Date("2024-08-03T21:00:00+09:00"));
    expect(await closeConsultationWithRecord(database.db, { consultationId: first!.id, form: record, at: now() }, alice, keyring)).toEqual({ ok: true });
    const pushed = await database.db.select().from(lineOutbox).where(eq(lineOutbox.kind, "push")).orderBy(lineOutbox.seq);
    expect(pushed.map((r) => (JSON.parse(decryptField(keyring, r.payloadEnc!)) as { messages: Sent[] }).messages[0]?.text)).toEqual([ja.autoReply.closed, expect.stringContaining("相談してよかったですか")]);

    const next = await event(youth, "2024-08-03T21:10:00+09:00", text("また話したい"));
    expect(next.reply.map((m) => m.text)).toEqual([expect.stringContaining("次はあなたの番です"), expect.stringContaining("年代")]);
    expect(next.reply.some((m) => m.text?.includes("相談時間外"))).toBe(false);
    const all = await database.db.select().from(consultations);
    expect(all.map((c) => c.status).sort()).toEqual(["closed", "open"]);
  });

  it("outside hours a message still gets the out-of-hours notice, kept in a new consultation", async () => {
    const { reply } = await event(user(), "2024-08-02T21:00:00+09:00", text("こんばんは"));
    expect(reply[0]?.text).toContain("いまは相談時間外です");
    expect(await database.db.select().from(consultations)).toHaveLength(1);
  });

  it("相談時間 is built from the schedule in force", async () => {
    const { reply } = await event(user(), "2024-08-02T21:00:00+09:00", postback("action=hours"));
    expect(reply[0]?.text).toContain("・8月3日(土) 20:00〜24:00\n・8月4日(日) 20:00〜24:00\n・8月10日(土) 20:00〜24:00");
  });

  it("greeting, media refusal, closing and hours use the admins' wording", async () => {
    const at = new Date();
    await saveAutoReplyTemplate(database.db, { kind: "greeting", body: "ようこそ。武雄市の相談窓口です。", at }, alice);
    await saveAutoReplyTemplate(database.db, { kind: "media_refused", body: "写真は受け取れません。文字で送ってね。", at }, alice);
    await saveAutoReplyTemplate(database.db, { kind: "hours", body: "次は {これからの相談時間} です", at }, alice);
    await saveAutoReplyTemplate(database.db, { kind: "closed", body: "おしまい。またね。", at }, alice);
    const youth = user();
    expect((await event(youth, "2024-08-03T20:30:00+09:00", { type: "follow", follow: { isUnblocked: false } })).reply.map((m) => m.text)).toEqual(["ようこそ。武雄市の相談窓口です。"]);
    await event(youth, "2024-08-03T20:31:00+09:00", text("こんにちは"));
    const media = await event(youth, "2024-08-03T20:32:00+09:00", { type: "message", message: { id: randomBytes(6).toString("hex"), type: "image" } });
    expect(media.reply.map((m) => m.text)).toEqual(["写真は受け取れません。文字で送ってね。"]);
    expect((await event(youth, "2024-08-03T20:33:00+09:00", postback("action=hours"))).reply[0]?.text).toMatch(/^次は ・8月3日\(土\) 20:00〜24:00/);
    const [row] = await database.db.select().from(consultations);
    await claimConsultation(database.db, row!.id, alice, { at: new Date("2024-08-03T20:34:00+09:00"), maxActive: 5 });
    await closeConsultationWithRecord(database.db, { consultationId: row!.id, form: record, at: new Date("2024-08-03T20:40:00+09:00") }, alice, keyring);
    const pushed = await database.db.select().from(lineOutbox).where(eq(lineOutbox.kind, "push")).orderBy(lineOutbox.seq);
    expect(pushed.map((r) => (JSON.parse(decryptField(keyring, r.payloadEnc!)) as { messages: Sent[] }).messages[0]?.text)).toEqual(["おしまい。またね。", expect.stringContaining("相談してよかったですか")]);
  });
});
