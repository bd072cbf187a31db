import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { autoReplyTemplates, consultationMessages, consultations, lineOutbox } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { composeAutoReply } from "@/lib/autoreply";
import { claimConsultation, listWaitingConsultations, viewConsultation, type ConsoleActor } from "@/lib/consultations";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { createKeyring, decryptField } from "@/lib/crypto";
import { loadCurrentForm, saveFormVersion } from "@/lib/forms";
import { defaultIntakeDefinition } from "@/lib/forms/default-definitions";
import { easy, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { openPayload } from "@/lib/line-api/outbox/payload";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { ensureYouth } from "@/lib/youths";
import { loadIntakeForYouth, submitIntake } from "./index";
import { intakePostbackData } from "./line-intake-questions";
import { validateIntakeForm } from "./intake-form-schema";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;
let admin: ConsoleActor;
let counselor: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await makeStaff(database.db, "admin", "admin");
  counselor = await makeStaff(database.db, "counselor", "counselor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_notes, consultation_messages, consultation_records, consultations, youths, line_inbox cascade`);
});

const answers = { ageBand: "junior_high", gender: "unknown", topics: ["bullying", "family_abuse"], note: "クラスで無視されています", consent: true };

describe("validateIntakeForm", () => {
  it("names every missing or unknown answer in Japanese", () => {
    expect(validateIntakeForm(defaultIntakeDefinition, {})).toEqual({
      ok: false,
      fieldErrors: { ageBand: ja.intake.errors.ageBand, gender: ja.intake.errors.gender, topics: ja.intake.errors.topics, consent: ja.intake.errors.consent },
    });
    expect(validateIntakeForm(defaultIntakeDefinition, { ...answers, ageBand: "adult", topics: ["bullying", "hacking"], consent: false, note: "あ".repeat(1001) })).toEqual({
      ok: false,
      fieldErrors: { ageBand: ja.intake.errors.ageBand, topics: ja.intake.errors.topics, consent: ja.intake.errors.consent, note: ja.intake.errors.noteTooLong },
    });
    expect(validateIntakeForm(defaultIntakeDefinition, { ...answers, topics: [] })).toMatchObject({ ok: false, fieldErrors: { topics: ja.intake.errors.topics } });
  });

  it("accepts a complete intake; the free text is optional", () => {
    const withoutNote = { ageBand: answers.ageBand, gender: answers.gender, topics: answers.topics, consent: true };
    expect(validateIntakeForm(defaultIntakeDefinition, withoutNote)).toEqual({ ok: true, form: { ...withoutNote, note: "" } });
  });
});

describe("submitIntake (secure chat)", () => {
  it("opens a queued consultation pinned to the version shown, encrypts the free text, and does not answer twice", async () => {
    const youth = await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring);
    const state = await loadIntakeForYouth(database.db, youth.id);
    expect(state.answered).toBe(false);
    if (state.answered) return;
    const at = new Date();
    const refused = await submitIntake(database.db, { youthId: youth.id, versionId: state.form.id, answers: { ...answers, gender: "robot" }, at, pagingConfigured: false }, keyring);
    expect(refused).toEqual({ ok: false, reason: "invalid", fieldErrors: { gender: ja.intake.errors.gender } });
    expect(await database.db.select().from(consultations)).toHaveLength(0);
    expect(await submitIntake(database.db, { youthId: youth.id, versionId: randomUUID(), answers, at, pagingConfigured: false }, keyring)).toEqual({ ok: false, reason: "unknown_version" });

    const result = await submitIntake(database.db, { youthId: youth.id, versionId: state.form.id, answers, at, pagingConfigured: false }, keyring);
    expect(result).toMatchObject({ ok: true, opened: true });
    const [row] = await database.db.select().from(consultations);
    expect(row).toMatchObject({ channel: "secure_chat", status: "open", intakeVersionId: state.form.id, intake: { ageBand: "junior_high", gender: "unknown", topics: ["bullying", "family_abuse"], consent: true } });
    expect(row!.intakeNoteEnc).not.toContain("無視");
    expect(decryptField(keyring, row!.intakeNoteEnc!)).toBe("クラスで無視されています");
    expect(await loadIntakeForYouth(database.db, youth.id)).toEqual({ answered: true });
    expect(await submitIntake(database.db, { youthId: youth.id, versionId: state.form.id, answers, at, pagingConfigured: false }, keyring)).toEqual({ ok: false, reason: "already_answered" });
    expect(await database.db.select().from(consultations)).toHaveLength(1);
  });

  it("shows counselors the answers in the words of the version answered, and prefills the record", async () => {
    const youth = await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring);
    const v = await loadCurrentForm(database.db, "intake");
    await submitIntake(database.db, { youthId: youth.id, versionId: v.id, answers, at: new Date(), pagingConfigured: false }, keyring);
    // An admin renames a label afterwards: the queue still shows what the youth saw.
    const renamed = { ...v.definition, topics: { ...v.definition.topics, choices: v.definition.topics.choices.map((c) => (c.id === "bullying" ? { ...c, label: "いじめられている" } : c)) } };
    expect(await saveFormVersion(database.db, { kind: "intake", definition: renamed, basedOnVersion: v.version }, admin, new Date())).toMatchObject({ ok: true });
    const [queued] = await listWaitingConsultations(database.db);
    expect(queued!.intake).toEqual({ ageBand: "中学生", gender: "答えたくない", topics: ["いじめ", "家族のこと・虐待"], consent: true, version: v.version });
    expect(queued!.intakeAnswered).toBe(true);
    await claimConsultation(database.db, queued!.id, counselor, { at: new Date(), maxActive: 5 });
    const view = await viewConsultation(database.db, queued!.id, counselor, keyring, new Date());
    expect(view.consultation.intakeNote).toBe("クラスで無視されています");
    expect(view.draft).toMatchObject({ ageBand: "junior_high", gender: "unknown", topics: ["bullying", "family"] });
    expect(view.prefilled).toBe(true);
  });
});

describe("line mode: the intake by quick replies", () => {
  let clock = new Date();
  const deps = { keyring, now: () => clock, chatMode: "line" as const };
  const lineUser = "U" + "b".repeat(32);

  async function deliver(fields: Record<string, unknown>) {
    const raw = JSON.stringify({ destination: "Ubot", events: [userEvent(lineUser, fields)] });
    await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() });
    while (await processNextInboxEvent(database.db, deps));
  }
  const tap = (data: string) => deliver({ type: "postback", postback: { data } });
  async function lastReply() {
    const rows = await database.db.select().from(lineOutbox).orderBy(lineOutbox.seq);
    const row = rows.at(-1)!;
    return { kind: row.kind, replyToken: row.replyToken, messages: openPayload(keyring, "reply", row.payloadEnc!).messages as { text: string; quickReply?: { items: { action: { label: string; data: string } }[] } }[] };
  }
  const buttons = (m: { quickReply?: { items: { action: { label: string } }[] } }) => m.quickReply?.items.map((i) => i.action.label) ?? [];

  it("asks 年代, 性別, topics one by one and the consent, by reply token, and stores the answers like the secure chat", async () => {
    clock = new Date();
    await deliver({ type: "message", message: { id: "m1", type: "text", text: "相談したいです" } });
    const first = await lastReply();
    expect(first.kind).toBe("reply");
    expect(first.messages).toHaveLength(2);
    expect(first.messages[1]!.text).toBe(ja.intake.line.askAge);
    expect(buttons(first.messages[1]!)).toEqual(["小学生", "中学生", "高校生世代", "18〜30歳", "それ以外"]);

    await tap(intakePostbackData("ageBand", "high_school"));
    expect(buttons((await lastReply()).messages[0]!)).toEqual(["男性", "女性", "その他", "答えたくない"]);
    // A button of a question already answered changes nothing.
    await tap(intakePostbackData("ageBand", "elementary"));
    await tap(intakePostbackData("gender", "female"));
    const topics = await lastReply();
    expect(topics.messages[0]!.text).toBe(ja.intake.line.askTopics);
    expect(buttons(topics.messages[0]!)).toHaveLength(10);
    await tap(intakePostbackData("topics", "friends"));
    const more = (await lastReply()).messages[0]!;
    expect(more.text).toBe(ja.intake.line.askMoreTopics("友だちのこと"));
    expect(buttons(more)).toHaveLength(10);
    expect(buttons(more).at(-1)).toBe(ja.intake.line.topicsDone);
    expect(buttons(more)).not.toContain("友だちのこと");
    await tap(intakePostbackData("topics", "mind_body"));
    await tap(intakePostbackData("topics", { done: true }));
    const consent = (await lastReply()).messages[0]!;
    expect(consent.text).toContain(defaultIntakeDefinition.consent.body);
    expect(buttons(consent)).toEqual([defaultIntakeDefinition.consent.agree]);
    await tap(intakePostbackData("consent", "agree"));
    expect((await lastReply()).messages[0]!.text).toBe(ja.intake.line.thanks);

    const [row] = await database.db.select().from(consultations);
    expect(row).toMatchObject({ channel: "line", intake: { ageBand: "high_school", gender: "female", topics: ["friends", "mind_body"], consent: true }, intakeStep: null });
    expect(row!.intakeAnsweredAt).not.toBeNull();
    expect((await listWaitingConsultations(database.db))[0]!.intake).toMatchObject({ ageBand: "高校生世代", gender: "女性", topics: ["友だちのこと", "こころやからだのこと"] });
    // Every step answered with the postback's own reply token: no paid push.
    expect((await database.db.select().from(lineOutbox)).every((r) => r.kind === "reply")).toBe(true);
  });

  it("goes on in やさしい日本語 once the youth says 小学生: kana, short sentences, no markup; the automatic replies too", async () => {
    clock = new Date();
    await deliver({ type: "message", message: { id: "m5", type: "text", text: "そうだんしたい" } });
    await tap(intakePostbackData("ageBand", "elementary"));
    const gender = (await lastReply()).messages[0]!;
    expect(gender.text).toBe(rubyToKana(easy.intake.line.askGender));
    expect(buttons(gender)).toEqual(["男の子・男の人", "女の子・女の人", "そのほか", "こたえたくない"]);
    await tap(intakePostbackData("gender", "unknown"));
    const topics = (await lastReply()).messages[0]!;
    expect(topics.text).toBe("そうだんしたいことを 1つ えらんでね。");
    expect(buttons(topics)).toContain("かぞくのこと・いえでのつらいこと");
    await tap(intakePostbackData("topics", "friends"));
    const more = (await lastReply()).messages[0]!;
    expect(more.text).toBe("「ともだちのこと」だね。ほかにも そうだんしたいことは ある？");
    expect(buttons(more).at(-1)).toBe("これで ぜんぶ");
    await tap(intakePostbackData("topics", { done: true }));
    const consent = (await lastReply()).messages[0]!;
    expect(consent.text).toContain("【そうだんの やくそく】");
    expect(buttons(consent)).toEqual(["よんで、わかったよ"]);
    await tap(intakePostbackData("consent", "agree"));
    expect((await lastReply()).messages[0]!.text).toBe(rubyToKana(easy.intake.line.thanks));
    // LINE shows no furigana: nothing a child is sent carries the markup, and every button fits LINE's 20 characters.
    const sent = (await database.db.select().from(lineOutbox)).flatMap((r) => openPayload(keyring, "reply", r.payloadEnc!).messages as { text: string; quickReply?: { items: { action: { label: string } }[] } }[]);
    for (const m of sent) {
      expect(m.text).not.toMatch(/\|/);
      for (const label of buttons(m)) expect(label.length).toBeLessThanOrEqual(20);
    }

    // The automatic reply's default wording comes in kana too; an admin's own wording is sent as written.
    const [row] = await database.db.select().from(consultations);
    await database.db.update(consultations).set({ lastAutoReplyKind: null, lastAutoReplyAt: null });
    expect(await composeAutoReply(database.db, row!.id, clock)).toBe(rubyToKana(easy.autoReply.no_schedule));
    await database.db.insert(autoReplyTemplates).values({ key: "no_schedule", body: "市の文面です。" });
    await database.db.update(consultations).set({ lastAutoReplyKind: null, lastAutoReplyAt: null });
    expect(await composeAutoReply(database.db, row!.id, clock)).toBe("市の文面です。");
    await database.db.delete(autoReplyTemplates);
  });

  it("never blocks a youth who ignores the buttons and writes: the message is received, the intake waits", async () => {
    clock = new Date();
    await deliver({ type: "message", message: { id: "m2", type: "text", text: "はじめまして" } });
    await deliver({ type: "message", message: { id: "m3", type: "text", text: "ボタンは押さずに書きます。学校に行けていません" } });
    const [row] = await database.db.select().from(consultations);
    expect(await database.db.select().from(consultationMessages).where(eq(consultationMessages.consultationId, row!.id))).toHaveLength(2);
    expect(row).toMatchObject({ intakeStep: "ageBand", intakeAnsweredAt: null });
    // An unknown choice asks the same question again.
    await tap(intakePostbackData("ageBand", "grown_up"));
    expect((await lastReply()).messages[0]!.text).toBe(ja.intake.line.askAge);
    expect((await database.db.select().from(consultations))[0]!.intake).toEqual({});
  });

  it("does not ask in secure mode", async () => {
    clock = new Date();
    const secure = { ...deps, chatMode: "secure" as const };
    const raw = JSON.stringify({ destination: "Ubot", events: [userEvent(lineUser, { type: "message", message: { id: "m4", type: "text", text: "こんばんは" } })] });
    await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() });
    while (await processNextInboxEvent(database.db, secure));
    expect((await database.db.select().from(consultations))[0]).toMatchObject({ intakeStep: null, intakeVersionId: null });
    expect((await lastReply()).messages.map((m) => m.quickReply)).toEqual([undefined]);
  });
});
