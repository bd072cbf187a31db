import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consultationMessages, consultations, lineOutbox, riskAssessments } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import type { ConsoleActor } from "@/lib/consultations";
import { now, setClockForTests } from "@/lib/clock";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { loadIntakeForYouth, submitIntake } from "@/lib/intake";
import { listSecureChatMessages, receiveSecureChatMessage } from "@/lib/liff";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import type { HandlerDeps } from "@/lib/line/handlers";
import { openPayload } from "@/lib/line-api/outbox/payload";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { assessRisk, loadRiskLexicon, saveRiskLexicon } from "@/lib/risk";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { ensureYouth } from "@/lib/youths";
import { listSafetyContacts, saveSafetyContact, saveSafetyTemplate } from "./index";
import { renderSafetyReply } from "./render-safety-reply";
import { defaultSafetyContacts } from "./default-contacts";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const FRIDAY_NIGHT = "2024-08-02T21:00:00+09:00";
const SATURDAY_SESSION = "2024-08-03T20:30:00+09:00";
let database: TestDatabase;
let admin: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  await saveSchedule(database.db, takeo2024Preset, null, now(), "test");
  admin = await makeStaff(database.db, "risk-admin", "admin");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, risk_assessments, consultation_messages, consultations, line_inbox, youths cascade`);
});
afterEach(() => setClockForTests(null));

type Sent = { kind: string; messages: Record<string, unknown>[] };

/** A LINE event from `userId` delivered through the signed webhook at the app-clock instant `origin`; returns every queued LINE call. */
async function deliver(origin: string, fields: Record<string, unknown>, deps: Partial<HandlerDeps> = {}, userId = "U" + "a".repeat(32)): Promise<Sent[]> {
  setClockForTests(new Date(origin));
  const raw = JSON.stringify({ destination: "U0", events: [userEvent(userId, fields, Date.now())] });
  await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: now() });
  while (await processNextInboxEvent(database.db, { keyring, now, chatMode: "line", ...deps }));
  const rows = await database.db.select().from(lineOutbox).orderBy(lineOutbox.seq);
  return rows.map((r) => ({ kind: r.kind, messages: openPayload(keyring, "reply", r.payloadEnc!).messages as unknown as Record<string, unknown>[] }));
}
const text = (t: string) => ({ type: "message", message: { id: randomBytes(6).toString("hex"), type: "text", text: t } });

/** Every tel: URI action in a Flex message, in order. */
function telUris(message: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    const action = n.action as { type?: string; uri?: string } | undefined;
    if (n.type === "button" && action?.type === "uri" && action.uri?.startsWith("tel:")) found.push(action.uri);
    for (const value of Object.values(n)) if (typeof value === "object") walk(value);
  };
  walk(message.contents);
  return found;
}
const nationalTel = defaultSafetyContacts.map((c) => `tel:${c.number.replace(/-/g, "")}`);

describe(`the safety reply in line mode (${testDatabaseKind()})`, () => {
  it("answers a high-risk first message out of hours with dial buttons instead of the intake question, once per consultation", async () => {
    const [first, ...others] = await deliver(FRIDAY_NIGHT, text("もう ｼﾆﾀｲ"));
    expect(others).toEqual([]);
    expect(first!.kind).toBe("reply");
    expect(first!.messages).toHaveLength(1);
    const flex = first!.messages[0]!;
    expect(flex.type).toBe("flex");
    expect(telUris(flex)).toEqual(nationalTel);
    expect(telUris(flex)).toEqual(expect.arrayContaining(["tel:110", "tel:119", "tel:189", "tel:0570064556", "tel:0120279338", "tel:0120061338", "tel:0120078310", "tel:0120997777"]));
    expect(String(flex.altText)).toContain("次の相談時間は 8月3日(土) 20:00〜24:00 です");
    expect(JSON.stringify(first)).not.toMatch(/ｼﾆﾀｲ|しにたい|死にたい/);
    expect(JSON.stringify(first)).not.toContain(ja.intake.line.askAge);
    expect(String(flex.altText)).not.toContain(ja.safetyReply.staff_told);

    const [consultation] = await database.db.select().from(consultations);
    expect(consultation).toMatchObject({ priority: 2, safetyRepliedLevel: 2 });
    const [assessment] = await database.db.select().from(riskAssessments);
    expect(assessment).toMatchObject({ consultationId: consultation!.id, source: "line_text", level: 2, lexiconVersion: 1 });
    expect(assessment!.messageId).not.toBeNull();

    const again = await deliver("2024-08-02T21:01:00+09:00", text("しにたい"));
    expect(again.slice(1).flatMap((s) => s.messages).some((m) => m.type === "flex")).toBe(false);
  });

  it("says staff were told only when on-call paging is configured, and in hours that a counselor answers first", async () => {
    const paged = await deliver(FRIDAY_NIGHT, text("消えたい"), { pagingConfigured: true });
    expect(String(paged[0]!.messages[0]!.altText)).toContain(ja.safetyReply.staff_told);
    const inHours = await deliver(SATURDAY_SESSION, text("リスカした"), {}, "U" + "b".repeat(32));
    expect(String(inHours.at(-1)!.messages[0]!.altText)).toContain("相談員がほかの人より先に");
  });

  it("assesses a sticker's keywords", async () => {
    const [sent] = await deliver(FRIDAY_NIGHT, { type: "message", message: { id: "st1", type: "sticker", packageId: "1", stickerId: "1", stickerResourceType: "STATIC", keywords: ["sad", "消えたい"] } });
    expect(sent!.messages[0]!.type).toBe("flex");
    expect((await database.db.select().from(riskAssessments))[0]).toMatchObject({ source: "line_sticker", level: 2 });
  });

  it("leaves an ordinary message to the automatic reply and the intake", async () => {
    const [sent] = await deliver(FRIDAY_NIGHT, text("死ぬほど笑った話を聞いて"));
    expect(sent!.messages.map((m) => m.type)).toEqual(["text", "text"]);
    expect((await database.db.select().from(consultations))[0]).toMatchObject({ priority: 0, safetyRepliedLevel: null });
  });

  it("answers the rich menu's 緊急のときは with the admins' numbers, a local one included and a retired one left out", async () => {
    const [kodomo] = (await listSafetyContacts(database.db)).filter((c) => c.number === "0120-0-78310");
    await saveSafetyContact(database.db, { ...kodomo!, active: false, id: kodomo!.id }, admin, new Date());
    await saveSafetyContact(database.db, { label: "市の子ども家庭相談", number: "0954-23-9999", note: "平日 9時〜17時", sortOrder: 5 }, admin, new Date());
    const [sent] = await deliver(FRIDAY_NIGHT, { type: "postback", postback: { data: "action=emergency" } });
    const uris = telUris(sent!.messages[0]!);
    expect(uris[0]).toBe("tel:0954239999");
    expect(uris).not.toContain("tel:0120078310");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "safety_contact.changed" });
    await saveSafetyContact(database.db, { ...kodomo!, active: true, id: kodomo!.id }, admin, new Date());
  });
});

describe(`the safety reply in secure mode (${testDatabaseKind()})`, () => {
  const secure = { chatMode: "secure" as const, secureChat: { liffUrl: "https://liff.line.me/1234-abcd" } };

  it("keeps the reply in the secure chat; LINE gets only the numbers and the way to the chat, nothing of the text", async () => {
    const sent = await deliver(FRIDAY_NIGHT, text("首吊りしたい"), secure);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.messages.map((m) => m.type)).toEqual(["flex", "template"]);
    expect(String(sent[0]!.messages[0]!.altText)).toContain(ja.safetyReply.emergency);
    expect(JSON.stringify(sent)).not.toMatch(/首吊り|くびつり|次の相談時間/);
    const [consultation] = await database.db.select().from(consultations);
    const system = await database.db.select().from(consultationMessages).where(eq(consultationMessages.sender, "system"));
    expect(system).toHaveLength(1);
    expect(system[0]).toMatchObject({ consultationId: consultation!.id, via: "secure_chat" });
    expect(decryptField(keyring, system[0]!.bodyEnc!)).toContain("8月3日(土) 20:00〜24:00");
  });

  it("answers a high-risk secure-chat message with a system message, sends nothing to LINE, and answers once", async () => {
    const youth = await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring);
    const at = new Date(FRIDAY_NIGHT);
    await receiveSecureChatMessage(database.db, { youthId: youth.id, text: "ODしちゃった", at, pagingConfigured: true }, keyring);
    await receiveSecureChatMessage(database.db, { youthId: youth.id, text: "もう飛び降りたい", at: new Date(at.getTime() + 60_000), pagingConfigured: true }, keyring);
    const chat = await listSecureChatMessages(database.db, youth.id, keyring, new Date());
    const system = chat.messages.filter((m) => m.sender === "system");
    expect(system).toHaveLength(2);
    expect(system[0]!.text).toContain(ja.safetyReply.staff_told);
    expect(system[0]!.text).toContain("0120-279-338");
    expect(system[1]!.text).not.toContain("0120-279-338");
    expect(system.map((m) => m.text).join()).not.toMatch(/OD|飛び降り/);
    expect(await database.db.select().from(lineOutbox)).toEqual([]);
  });

  it("assesses the intake's free text and answers a high-risk one with the safety reply instead of the queue notice", async () => {
    const youth = await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring);
    const state = await loadIntakeForYouth(database.db, youth.id);
    if (state.answered) throw new Error("answered");
    const answers = { ageBand: "junior_high", gender: "unknown", topics: ["bullying"], note: "毎日リスカしてる", consent: true };
    await submitIntake(database.db, { youthId: youth.id, versionId: state.form.id, answers, at: new Date(SATURDAY_SESSION), pagingConfigured: false }, keyring);
    const [consultation] = await database.db.select().from(consultations);
    expect(consultation).toMatchObject({ priority: 2, safetyRepliedLevel: 2 });
    expect((await database.db.select().from(riskAssessments))[0]).toMatchObject({ source: "intake_note", level: 2, messageId: null });
    const chat = await listSecureChatMessages(database.db, youth.id, keyring, new Date());
    expect(chat.messages.map((m) => m.sender)).toEqual(["system"]);
    expect(chat.messages[0]!.text).toContain("相談員がほかの人より先に");
  });
});

describe(`the lexicon as versioned data (${testDatabaseKind()})`, () => {
  it("saves every edit as a new audited version that assessments then name; refuses duplicates and stale edits in Japanese", async () => {
    const v1 = await loadRiskLexicon(database.db);
    expect(v1.version).toBe(1);
    expect(await saveRiskLexicon(database.db, { entries: [...v1.entries, { term: "シニタイ", level: "high" }], basedOnVersion: 1 }, admin, new Date())).toEqual({
      ok: false,
      fieldErrors: { [`${v1.entries.length}.term`]: ja.riskAdmin.errors.duplicateTerm("死にたい") },
    });
    const saved = await saveRiskLexicon(database.db, { entries: [...v1.entries, { term: "もう限界", level: "concern" }], basedOnVersion: 1, note: "相談員の提案" }, admin, new Date());
    expect(saved).toEqual({ ok: true, version: 2 });
    expect(await assessRisk(database.db, "モウ限界")).toEqual({ level: "concern", matched: ["もう限界"], lexiconVersion: 2 });
    expect(await saveRiskLexicon(database.db, { entries: v1.entries, basedOnVersion: 1 }, admin, new Date())).toEqual({ ok: false, fieldErrors: { _form: ja.riskAdmin.errors.stale } });
    const [audit] = await listAudit(database.db, 1);
    expect(audit).toMatchObject({ action: "risk_lexicon.changed", target: "risk_lexicon:2" });
    expect(JSON.stringify(audit)).not.toContain("限界");
  });

  it("lets admins reword the reply, with only the known variables", async () => {
    await saveSafetyTemplate(database.db, { kind: "out_of_hours", body: "読みました。{次の相談時間} に話しましょう。{職員への連絡}" }, admin, new Date());
    expect((await renderSafetyReply(database.db, { at: new Date(FRIDAY_NIGHT), pagingConfigured: true })).text).toBe(`読みました。8月3日(土) 20:00〜24:00 に話しましょう。${ja.safetyReply.staff_told}`);
    await expect(saveSafetyTemplate(database.db, { kind: "in_hours", body: "{名前}さん" }, admin, new Date())).rejects.toThrow(/使えない差し込み項目/);
    await saveSafetyTemplate(database.db, { kind: "out_of_hours", body: null }, admin, new Date());
  });
});
