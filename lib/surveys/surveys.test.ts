import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consultationRecords, consultations, lineOutbox, surveyResponses } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { closeConsultation } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring, rotateKeys } from "@/lib/crypto";
import { openPayload } from "@/lib/line-api/outbox/payload";
import { answerLineSurvey, inviteSurvey, submitSurvey } from "./index";
import { surveyPostbackData } from "./line-survey-questions";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const at = new Date("2026-11-28T12:00:00Z");
const data = (text: string) => new URLSearchParams(text);

async function closedAndInvited() {
  const youth = await youthWrites(database.db, keyring, "相談です", { at });
  await closeConsultation(database.db, { consultationId: youth.consultationId, reason: "completed", at, by: "system" }, keyring);
  await inviteSurvey(database.db, { consultationId: youth.consultationId, at }, keyring);
  return youth;
}

describe("line-mode survey", () => {
  it("invites once, by a push with the first question as quick replies", async () => {
    const youth = await closedAndInvited();
    await inviteSurvey(database.db, { consultationId: youth.consultationId, at }, keyring);
    // The closing message leaves first (closeConsultation); the invitation is one more push, sent once.
    const pushes = await database.db.select().from(lineOutbox).where(eq(lineOutbox.youthId, youth.youthId)).orderBy(lineOutbox.seq);
    type Push = { messages: { text: string; quickReply?: { items: { action: { label: string } }[] } }[] };
    const payloads = pushes.map((p) => openPayload(keyring, "push", p.payloadEnc) as Push);
    expect(payloads.map((p) => p.messages[0]!.text.includes("相談してよかったですか"))).toEqual([false, true]);
    const payload = payloads[1] as { messages: { text: string; quickReply: { items: { action: { label: string } }[] } }[] };
    expect(payload.messages[0]!.text).toContain("相談してよかったですか");
    expect(payload.messages[0]!.quickReply.items.map((i) => i.action.label)).toEqual(["とてもよかった", "よかった", "どちらともいえない", "あまりよくなかった", "よくなかった", "答えない"]);
  });

  it("asks again on a choice the version does not offer, ignores a youth never invited, thanks a late answer without keeping it", async () => {
    const youth = await closedAndInvited();
    const forged = await answerLineSurvey(database.db, { youthId: youth.youthId, data: data(surveyPostbackData("satisfaction", "excellent")), at }, keyring);
    expect(forged?.text).toContain("相談してよかったですか");
    const stranger = await youthWrites(database.db, keyring, "はじめまして", { at });
    expect(await answerLineSurvey(database.db, { youthId: stranger.youthId, data: data(surveyPostbackData("satisfaction", "good")), at }, keyring)).toBeNull();
    const late = new Date(at.getTime() + 8 * 86_400_000);
    const thanked = await answerLineSurvey(database.db, { youthId: youth.youthId, data: data(surveyPostbackData("satisfaction", "good")), at: late }, keyring);
    expect(thanked?.text).toContain("ありがとう");
    expect(await database.db.select().from(surveyResponses)).toHaveLength(0);
  });
});

describe("no invitation after a crisis or out of scope", () => {
  it("skips an emergency (checked or as the outcome), 対象外 and a high priority, and still invites an ordinary close", async () => {
    const cases = [
      { record: { emergency: true } },
      { record: { outcome: "emergency" as const } },
      { record: { outOfScope: true } },
      { priority: 2 },
      { record: { emergency: false, outOfScope: false }, priority: 1 },
    ];
    const invited: boolean[] = [];
    const counselor = await makeStaff(database.db, "survey-counselor", "counselor");
    for (const { record, priority } of cases) {
      const youth = await youthWrites(database.db, keyring, "相談です", { at });
      if (priority !== undefined) await database.db.update(consultations).set({ priority }).where(eq(consultations.id, youth.consultationId));
      if (record) await database.db.insert(consultationRecords).values({ consultationId: youth.consultationId, updatedAt: at, updatedBy: counselor.id, ...record });
      await closeConsultation(database.db, { consultationId: youth.consultationId, reason: "completed", at, by: "system" }, keyring);
      await inviteSurvey(database.db, { consultationId: youth.consultationId, at }, keyring);
      const [row] = await database.db.select({ invitedAt: consultations.surveyInvitedAt }).from(consultations).where(eq(consultations.id, youth.consultationId));
      const pushes = await database.db.select().from(lineOutbox).where(eq(lineOutbox.youthId, youth.youthId));
      const asked = pushes.some((p) => JSON.stringify(openPayload(keyring, "push", p.payloadEnc)).includes("相談してよかったですか"));
      expect(asked, JSON.stringify({ record, priority })).toBe(row!.invitedAt !== null);
      invited.push(asked);
    }
    expect(invited).toEqual([false, false, false, false, true]);
  });
});

describe("secure-chat survey", () => {
  it("refuses an unknown choice in Japanese, keeps nothing until valid, then keeps the first answer only", async () => {
    const youth = await closedAndInvited();
    await database.db.update(consultations).set({ channel: "secure_chat" }).where(eq(consultations.id, youth.consultationId));
    const bad = await submitSurvey(database.db, { youthId: youth.youthId, answers: { satisfaction: "excellent", comment: "x".repeat(501) }, at }, keyring);
    expect(bad).toEqual({ ok: false, fieldErrors: { satisfaction: "表示されている中から選んでください。", comment: "500文字までにしてください。" } });
    const first = await submitSurvey(database.db, { youthId: youth.youthId, answers: { satisfaction: "good", again: "yes" }, at }, keyring);
    expect(first).toMatchObject({ ok: true, thanks: expect.stringContaining("ありがとう") });
    const second = await submitSurvey(database.db, { youthId: youth.youthId, answers: { satisfaction: "very_bad" }, at }, keyring);
    expect(second).toMatchObject({ ok: true });
    const rows = await database.db.select().from(surveyResponses).where(eq(surveyResponses.channel, "secure_chat"));
    expect(rows.map((r) => [r.satisfaction, r.again])).toEqual([["good", "yes"]]);
  });

  it("keeps one answer across a key rotation: the line answer begun under the old key is continued, not started again", async () => {
    await database.db.delete(surveyResponses);
    const youth = await closedAndInvited();
    await answerLineSurvey(database.db, { youthId: youth.youthId, data: data(surveyPostbackData("satisfaction", "good")), at }, keyring);
    const rotated = createKeyring(randomBytes(32).toString("base64"), [keyring.current.material.toString("base64")]);
    await rotateKeys(database.db, rotated);
    await answerLineSurvey(database.db, { youthId: youth.youthId, data: data(surveyPostbackData("again", "yes")), at }, rotated);
    const rows = await database.db.select().from(surveyResponses);
    expect(rows.map((r) => [r.satisfaction, r.again])).toEqual([["good", "yes"]]);
    expect(rows[0]!.token.startsWith(`${rotated.current.id}.`)).toBe(true);
  });
});
