import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { autoReplyTemplates, consultationRecords, consultations, lineOutbox, staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { deactivateStaff } from "@/lib/auth";
import { createKeyring, decryptField } from "@/lib/crypto";
import { easy, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { saveAgency } from "@/lib/agencies";
import {
  claimConsultation,
  closeConsultationWithRecord,
  closeInactiveConsultations,
  listWaitingConsultations,
  readEarlierConsultation,
  releaseConsultationsOf,
  saveRecordDraft,
  type ConsoleActor,
} from "./index";
import { listEarlierConsultations } from "./list-earlier-consultations";
import { listInternalNotes } from "./list-internal-notes";
import { loadRecordDraft } from "./load-record-draft";
import { makeStaff, youthWrites } from "./testing/console-fixture";
import { countAbandonedConsultations } from "./testing/count-abandoned-consultations";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let admin: ConsoleActor;
let alice: ConsoleActor;
let bob: ConsoleActor;
let agencyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await makeStaff(database.db, "admin", "admin");
  alice = await makeStaff(database.db, "alice", "counselor");
  bob = await makeStaff(database.db, "bob", "counselor");
  agencyId = await saveAgency(database.db, { name: "24時間子供SOSダイヤル", phone: "0120-0-78310" , at: new Date() }, admin);
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_notes, consultation_messages, consultation_records, consultations, youths, line_inbox cascade`);
  await database.db.update(staff).set({ active: true });
});

const complete = {
  ageBand: "junior_high",
  gender: "female",
  topics: ["bullying"],
  contentSummary: "クラスで無視されている。",
  responseSummary: "気持ちを受け止め、SOSダイヤルを紹介した。",
  outcome: "referral",
  referralAgencyId: "",
  emergency: false,
  informationShared: false,
  outOfScope: false,
};

async function held(by = alice, text = "いじめられています") {
  const youth = await youthWrites(database.db, keyring, text);
  await claimConsultation(database.db, youth.consultationId, by, { at: new Date(), maxActive: 5 });
  return youth;
}

describe("closeConsultationWithRecord", () => {
  it("refuses a form without its required fields, naming each in Japanese, and changes nothing", async () => {
    const { consultationId } = await held();
    const result = await closeConsultationWithRecord(database.db, { consultationId, form: { outcome: "referral", emergency: true }, at: new Date() }, alice, keyring);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        ageBand: "年代を選んでください。",
        gender: "性別を選んでください。",
        topics: "相談内容の分類を1つ以上選んでください。",
        contentSummary: "相談内容の要約を入力してください。",
        responseSummary: "対応内容の要約を入力してください。",
        referralAgencyId: "紹介先の支援機関を選んでください。",
        emergencyNote: "緊急対応の内容（連絡先・時刻など）を入力してください。",
      },
    });
    expect((await database.db.select().from(consultations))[0]!.status).toBe("open");
  });

  it("closes with a complete record, encrypting the summaries, and audits the outcome", async () => {
    const { consultationId } = await held();
    await saveRecordDraft(database.db, { consultationId, draft: { contentSummary: "途中まで" }, at: new Date() }, alice, keyring);
    expect(await loadRecordDraft(database.db, consultationId, keyring)).toEqual({ contentSummary: "途中まで" });
    expect(await closeConsultationWithRecord(database.db, { consultationId, form: { ...complete, referralAgencyId: agencyId }, at: new Date() }, alice, keyring)).toEqual({ ok: true });
    const [record] = await database.db.select().from(consultationRecords);
    expect(record).toMatchObject({ ageBand: "junior_high", topics: ["bullying"], outcome: "referral", referralAgencyId: agencyId, draftEnc: null });
    expect(decryptField(keyring, record!.contentSummaryEnc!)).toBe("クラスで無視されている。");
    expect((await database.db.select().from(consultations))[0]).toMatchObject({ status: "closed", closeReason: "completed", closedBy: alice.id });
    expect((await listAudit(database.db, 3)).find((a) => a.action === "consultation.closed")!.details).toEqual({
      outcome: "referral",
      emergency: false,
      informationShared: false,
      outOfScope: false,
    });
  });

  it("refuses another counselor", async () => {
    const { consultationId } = await held();
    await expect(closeConsultationWithRecord(database.db, { consultationId, form: { ...complete, outcome: "advice" }, at: new Date() }, bob, keyring)).rejects.toMatchObject({
      code: "not_holder",
    });
  });
});

describe("earlier consultations", () => {
  it("show their summaries, and their full text only through an audited read", async () => {
    const first = await held(alice, "前にも相談した");
    await closeConsultationWithRecord(database.db, { consultationId: first.consultationId, form: { ...complete, outcome: "advice" }, at: new Date() }, alice, keyring);
    const second = await youthWrites(database.db, keyring, "また来ました", { lineUserId: first.lineUserId });
    await claimConsultation(database.db, second.consultationId, bob, { at: new Date(), maxActive: 5 });
    const earlier = await listEarlierConsultations(database.db, second.consultationId, keyring);
    expect(earlier).toMatchObject([{ id: first.consultationId, outcome: "advice", contentSummary: "クラスで無視されている。" }]);
    const messages = await readEarlierConsultation(database.db, { consultationId: second.consultationId, earlierId: first.consultationId }, bob, keyring);
    expect(messages.map((m) => m.text)).toEqual(["前にも相談した", ja.autoReply.closed]);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "consultation.history_read", actorLogin: "bob", target: `consultation:${first.consultationId}` });
    const stranger = await held(alice, "別の人");
    await expect(readEarlierConsultation(database.db, { consultationId: stranger.consultationId, earlierId: first.consultationId }, alice, keyring)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("a counselor deactivated mid-shift", () => {
  it("returns their consultations to the queue with a note for the supervisor", async () => {
    const { consultationId } = await held();
    await deactivateStaff(database.db, alice.id, admin, (tx, id) => releaseConsultationsOf(tx, id, { at: new Date(), keyring }));
    expect((await listWaitingConsultations(database.db)).map((q) => q.id)).toEqual([consultationId]);
    expect((await listInternalNotes(database.db, consultationId, keyring)).map((n) => [n.author, n.text])).toEqual([[null, ja.console.releasedNote]]);
    expect((await listAudit(database.db, 2)).map((a) => a.action)).toContain("consultation.released");
  });
});

describe("inactivity", () => {
  it("closes a held consultation the youth left, telling them, and leaves waiting youth alone", async () => {
    const t0 = new Date("2024-08-03T20:00:00+09:00");
    const leftAlone = await youthWrites(database.db, keyring, "相談です", { at: t0 });
    await claimConsultation(database.db, leftAlone.consultationId, alice, { at: t0, maxActive: 5 });
    const waiting = await youthWrites(database.db, keyring, "待ってます", { at: t0 });
    const at = (minutes: number) => ({ at: new Date(t0.getTime() + minutes * 60_000), minutes: 30, keyring });
    expect(await closeInactiveConsultations(database.db, at(29))).toBe(0);
    expect(await closeInactiveConsultations(database.db, at(31))).toBe(1);
    const rows = await database.db.select().from(consultations);
    expect(rows.find((r) => r.id === leftAlone.consultationId)).toMatchObject({ status: "closed", closeReason: "inactive" });
    expect(rows.find((r) => r.id === waiting.consultationId)).toMatchObject({ status: "open" });
    const [push] = await database.db.select().from(lineOutbox).where(eq(lineOutbox.youthId, leftAlone.youthId));
    expect(decryptField(keyring, push!.payloadEnc!)).toContain(ja.autoReply.closed_inactive);
  });
});

describe("the closing message", () => {
  async function closedForInactivity(ageBand: string): Promise<string> {
    const t0 = new Date("2024-08-03T20:00:00+09:00");
    const { consultationId, youthId } = await youthWrites(database.db, keyring, "相談です", { at: t0 });
    await database.db.update(consultations).set({ intake: { ageBand } }).where(eq(consultations.id, consultationId));
    await claimConsultation(database.db, consultationId, alice, { at: t0, maxActive: 5 });
    await closeInactiveConsultations(database.db, { at: new Date(t0.getTime() + 31 * 60_000), minutes: 30, keyring });
    const [push] = await database.db.select().from(lineOutbox).where(eq(lineOutbox.youthId, youthId));
    return (JSON.parse(decryptField(keyring, push!.payloadEnc!)) as { messages: { text: string }[] }).messages[0]!.text;
  }

  it("is in やさしい日本語 (kana) for a youth who said 小学生", async () => {
    expect(await closedForInactivity("elementary")).toBe(rubyToKana(easy.autoReply.closed_inactive));
    expect(await closedForInactivity("junior_high")).toBe(ja.autoReply.closed_inactive);
  });

  it("fills an admin's {…} variables instead of sending them raw", async () => {
    await database.db.insert(autoReplyTemplates).values({ key: "closed_inactive", body: "おわりにします。{次の相談時間}また来てね。" });
    try {
      expect(await closedForInactivity("elementary")).toBe("おわりにします。また来てね。");
    } finally {
      await database.db.delete(autoReplyTemplates).where(eq(autoReplyTemplates.key, "closed_inactive"));
    }
  });
});

describe("abandoned", () => {
  it("counts a youth who blocks the account while still waiting, and takes them out of the queue", async () => {
    const lineUserId = "U" + "a".repeat(32);
    await youthWrites(database.db, keyring, "待ってる", { lineUserId });
    const raw = JSON.stringify({ destination: "U0", events: [userEvent(lineUserId, { type: "unfollow" }, Date.now())] });
    await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: new Date() });
    while (await processNextInboxEvent(database.db, { keyring, now: () => new Date() }));
    expect(await listWaitingConsultations(database.db)).toHaveLength(0);
    const hour = 60 * 60_000;
    expect(await countAbandonedConsultations(database.db, new Date(Date.now() - hour), new Date(Date.now() + hour))).toBe(1);
  });
});
