import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, consultations, lineOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { addInternalNote, claimConsultation, endConsultationByYouth, sendCounselorMessage } from "@/lib/consultations";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { ensureYouth } from "@/lib/youths";
import { listSecureChatMessages, receiveSecureChatMessage, secureChatMessageSchema } from "./index";
import { BURST_WINDOW_MS, BURST_LIMIT, consultationBelongsToYouth } from "./secure-chat";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const t0 = new Date("2026-04-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function newYouth() {
  return (await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring)).id;
}

describe(`secure chat (${testDatabaseKind()})`, () => {
  it("stores the youth's words and the automatic reply in the consultation, and sends nothing to LINE", async () => {
    const youthId = await newYouth();
    const sent = await receiveSecureChatMessage(database.db, { youthId, text: "学校のことで話したい", at: t0, pagingConfigured: false }, keyring);
    if (!sent.ok) throw new Error("refused");
    const [consultation] = await database.db.select().from(consultations).where(eq(consultations.id, sent.consultationId));
    expect(consultation?.channel).toBe("secure_chat");
    const { consultationId, messages } = await listSecureChatMessages(database.db, youthId, keyring, new Date());
    expect(consultationId).toBe(sent.consultationId);
    expect(messages.map((m) => m.sender)).toEqual(["youth", "system"]);
    expect(messages[0]?.text).toBe("学校のことで話したい");
    expect(messages[1]?.text.length).toBeGreaterThan(0);
    expect(await database.db.select().from(lineOutbox).where(eq(lineOutbox.youthId, youthId))).toEqual([]);
  });

  it("shows the counselor's reply but never internal notes or who wrote it", async () => {
    const youthId = await newYouth();
    const counselor = await makeStaff(database.db, "liff-counselor", "counselor");
    const sent = await receiveSecureChatMessage(database.db, { youthId, text: "こんにちは", at: t0, pagingConfigured: false }, keyring);
    if (!sent.ok) throw new Error("refused");
    await claimConsultation(database.db, sent.consultationId, counselor, { at: at(1000), maxActive: 3 });
    await sendCounselorMessage(database.db, { consultationId: sent.consultationId, text: "こんにちは、相談員です", at: at(2000), mode: "secure" }, counselor, keyring);
    await addInternalNote(database.db, { consultationId: sent.consultationId, text: "内部メモ", at: at(3000) }, counselor, keyring);
    const { messages } = await listSecureChatMessages(database.db, youthId, keyring, new Date());
    expect(messages.at(-1)).toEqual({ id: expect.any(String), sender: "counselor", text: "こんにちは、相談員です", sentAt: at(2000).toISOString() });
    expect(messages.map((m) => m.text)).not.toContain("内部メモ");
    expect(Object.keys(messages.at(-1) ?? {}).sort()).toEqual(["id", "sender", "sentAt", "text"]);
  });

  it(`refuses a burst past ${BURST_LIMIT} messages in ${BURST_WINDOW_MS / 1000} s, keeping every accepted one`, async () => {
    const youthId = await newYouth();
    const results = [];
    for (let i = 0; i <= BURST_LIMIT; i++) results.push(await receiveSecureChatMessage(database.db, { youthId, text: `m${i}`, at: at(i), pagingConfigured: false }, keyring));
    expect(results.filter((r) => r.ok)).toHaveLength(BURST_LIMIT);
    expect(results.at(-1)).toEqual({ ok: false, reason: "rate_limited" });
    const afterWindow = await receiveSecureChatMessage(database.db, { youthId, text: "later", at: at(BURST_WINDOW_MS + 1), pagingConfigured: false }, keyring);
    expect(afterWindow.ok).toBe(true);
    const youthTexts = (await listSecureChatMessages(database.db, youthId, keyring, new Date())).messages.filter((m) => m.sender === "youth").map((m) => m.text);
    expect(youthTexts).toEqual([...Array.from({ length: BURST_LIMIT }, (_, i) => `m${i}`), "later"]);
  });

  it("ends the consultation from the youth's side: closed, recorded, audited; the next message opens a new one", async () => {
    const youthId = await newYouth();
    const sent = await receiveSecureChatMessage(database.db, { youthId, text: "ありがとう", at: t0, pagingConfigured: false }, keyring);
    if (!sent.ok) throw new Error("refused");
    expect(await endConsultationByYouth(database.db, { youthId, at: at(5000) }, keyring)).toBe(sent.consultationId);
    const [closed] = await database.db.select().from(consultations).where(eq(consultations.id, sent.consultationId));
    expect(closed).toMatchObject({ status: "closed", closeReason: "youth_ended", closedAt: at(5000) });
    const system = await database.db.select().from(consultationMessages).where(eq(consultationMessages.consultationId, sent.consultationId));
    // The automatic reply, the note for the counselor, and the closing message.
    expect(system.filter((m) => m.sender === "system")).toHaveLength(3);
    const audit = await listAudit(database.db);
    expect(audit.some((row) => row.action === "consultation.youth_ended" && row.target === `consultation:${sent.consultationId}`)).toBe(true);
    // The ended conversation stays readable for half an hour, ending with the closing message; reopened
    // later (a shared or family phone), the page starts blank.
    const ended = await listSecureChatMessages(database.db, youthId, keyring, at(6000));
    expect(ended).toMatchObject({ consultationId: sent.consultationId, ended: true, status: { state: "none" } });
    expect(ended.messages.at(-1)).toMatchObject({ sender: "system", text: ja.autoReply.closed });
    expect(await listSecureChatMessages(database.db, youthId, keyring, at(5000 + 29 * 60_000))).toMatchObject({ consultationId: sent.consultationId, ended: true });
    expect(await listSecureChatMessages(database.db, youthId, keyring, at(5000 + 31 * 60_000))).toMatchObject({ consultationId: null, ended: false, messages: [] });
    expect(await endConsultationByYouth(database.db, { youthId, at: at(6000) }, keyring)).toBeNull();
    const again = await receiveSecureChatMessage(database.db, { youthId, text: "また来ました", at: at(60_000), pagingConfigured: false }, keyring);
    expect(again.ok && again.consultationId !== sent.consultationId).toBe(true);
  });

  it("tells a youth's own consultation from another's", async () => {
    const mine = await newYouth();
    const other = await newYouth();
    const sent = await receiveSecureChatMessage(database.db, { youthId: mine, text: "x", at: t0, pagingConfigured: false }, keyring);
    if (!sent.ok) throw new Error("refused");
    expect(await consultationBelongsToYouth(database.db, sent.consultationId, mine)).toBe(true);
    expect(await consultationBelongsToYouth(database.db, sent.consultationId, other)).toBe(false);
  });
});

describe("secure chat input", () => {
  it("accepts trimmed text up to 1000 characters and refuses everything else in Japanese", () => {
    expect(secureChatMessageSchema.parse({ text: "  はい  " })).toEqual({ text: "はい" });
    expect(secureChatMessageSchema.safeParse({ text: "あ".repeat(1000) }).success).toBe(true);
    const message = (input: unknown) => secureChatMessageSchema.safeParse(input).error?.issues[0]?.message;
    expect(message({ text: "あ".repeat(1001) })).toBe(ja.liff.tooLong);
    expect(message({ text: "   " })).toBe(ja.liff.emptyText);
    expect(message({ text: 5 })).toBe(ja.liff.textOnly);
    expect(message({ text: "hi", type: "image" })).toBe(ja.liff.textOnly);
    expect(message(null)).toBe(ja.liff.textOnly);
  });
});
