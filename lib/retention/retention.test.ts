import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { encryptedColumns } from "@/db/encrypted-columns";
import {
  auditLog,
  consents,
  consultationMessages,
  consultationNotes,
  consultations,
  emergencies,
  emergencyContactKinds,
  emergencyContacts,
  lineInbox,
  lineOutbox,
  retentionRuns,
  safetyPlanVersions,
  sharingExceptions,
  surveyResponses,
} from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { setClockForTests } from "@/lib/clock";
import { listConsultationMessages } from "@/lib/consultations";
import { createKeyring, decryptField, encryptField } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { sign, TEST_CHANNEL_SECRET } from "@/lib/line/testing/webhook";
import { buildAnnualReception, buildAnnualReport, buildDailyWorkLog, buildMonthlyReception, buildMonthlyReport } from "@/lib/reports";
import { buildKnownDataset } from "@/lib/reports/testing/known-dataset";
import { listRetentionRuns, purgeExpiredData, type PurgeCounts } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const payloadOnly = { payloadDays: 7, contentMonths: 0 };
const withContent = { payloadDays: 7, contentMonths: 12 };
const zero: PurgeCounts = {
  inboxPayloads: 0,
  outboxPayloads: 0,
  consultations: 0,
  messages: 0,
  internalNotes: 0,
  records: 0,
  consents: 0,
  sharingExceptions: 0,
  safetyPlans: 0,
  emergencies: 0,
  emergencyContacts: 0,
  surveyComments: 0,
};

/** Every value of every encrypted column outside the staff's secrets, decrypted: where any text could still be. */
async function everyStoredText(database: Database): Promise<string[]> {
  const texts: string[] = [];
  for (const { table, columns } of encryptedColumns.filter((t) => t.table !== "staff")) {
    for (const column of columns) {
      const result = await database.db.execute(sql`select ${sql.identifier(column)} as value from ${sql.identifier(table)}`);
      // postgres.js answers an array of rows, PGlite an object holding them.
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { value: string | null }[];
      for (const row of rows) if (row.value) texts.push(decryptField(keyring, row.value));
    }
  }
  return texts;
}

describe("purging consultation content and LINE payloads", () => {
  let database: Database;
  let consultationA: string;
  const allReports = async () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const municipality = "武雄市";
    return {
      monthly: await buildMonthlyReport(database.db, { month: "2024-08", municipality, at }),
      dailyLog: await buildDailyWorkLog(database.db, { month: "2024-08", municipality, at }),
      reception: await buildMonthlyReception(database.db, { month: "2024-08", municipality, at }),
      annual: await buildAnnualReport(database.db, { fiscalYear: 2024, municipality, at }),
      annualReception: await buildAnnualReception(database.db, { fiscalYear: 2024, municipality, at }),
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { alice } = await buildKnownDataset(database.db, keyring);
    setClockForTests(null);
    // The kinds of content the known history does not write, on consultation A (closed 2024-08-03).
    const [a] = await database.db.select().from(consultations).where(eq(consultations.openedAt, new Date("2024-08-03T11:10:00Z")));
    consultationA = a!.id;
    const at = new Date("2024-08-03T11:40:00Z");
    await database.db.update(consultations).set({ intakeNoteEnc: encryptField(keyring, "いちばん話したいこと") }).where(eq(consultations.id, consultationA));
    await database.db.insert(consultationNotes).values({ consultationId: consultationA, authorId: alice.id, bodyEnc: encryptField(keyring, "内部メモ"), createdAt: at });
    await database.db.insert(consents).values({
      consultationId: consultationA,
      recipientEnc: encryptField(keyring, "学校の先生"),
      scopeNoteEnc: encryptField(keyring, "範囲のメモ"),
      agreedAt: at,
      wordsEnc: encryptField(keyring, "先生に話していいよ"),
      recordedBy: alice.id,
      recordedAt: at,
    });
    await database.db.insert(sharingExceptions).values({
      consultationId: consultationA,
      recipientEnc: encryptField(keyring, "警察"),
      reasonEnc: encryptField(keyring, "命の危険"),
      supervisorName: "業務責任者",
      decidedAt: at,
      recordedBy: alice.id,
      recordedAt: at,
    });
    await database.db.insert(safetyPlanVersions).values({ consultationId: consultationA, version: 1, planEnc: encryptField(keyring, '{"warningSigns":["眠れない"]}'), savedBy: alice.id, savedAt: at });
    const [emergency] = await database.db
      .insert(emergencies)
      .values({ consultationId: consultationA, startedAt: at, startedBy: alice.id, checklist: { desire: "yes" }, checklistNotesEnc: encryptField(keyring, "チェックのメモ"), summaryEnc: encryptField(keyring, "まとめ") })
      .returning();
    const [kind] = await database.db.select().from(emergencyContactKinds).limit(1);
    await database.db.insert(emergencyContacts).values({ emergencyId: emergency!.id, kindId: kind!.id, contactedAt: at, contactedBy: alice.id, number: "090-0000-0000", resultEnc: encryptField(keyring, "つながった"), createdAt: at });
    // The known history queues its LINE calls; here they were sent when queued.
    await database.db.execute(sql`update line_outbox set status = 'sent', sent_at = coalesce(reply_token_expires_at, now()) - interval '50 seconds'`);
  }, 180_000);
  afterAll(async () => {
    setClockForTests(null);
    await database.close();
  });

  it("purges LINE payloads older than the window, keeps their rows and anything pending or recent", async () => {
    // An event handled two days before: within the week, so it keeps its payload.
    await database.db.insert(lineInbox).values({ webhookEventId: "recent", sourceType: "user", eventType: "message", eventTimestamp: 2, payloadEnc: encryptField(keyring, "{}"), status: "done", receivedAt: new Date("2025-04-03T00:00:00Z"), processedAt: new Date("2025-04-03T00:00:01Z") });
    const inboxBefore = await database.db.select().from(lineInbox);
    const at = new Date("2025-04-05T00:00:00Z");
    const cutoff = new Date("2025-03-29T00:00:00Z");
    const expectedInbox = inboxBefore.filter((r) => (r.processedAt ?? r.receivedAt) < cutoff).length;
    const outboxBefore = await database.db.select().from(lineOutbox);
    const expectedOutbox = outboxBefore.filter((r) => r.sentAt! < cutoff).length;
    expect(expectedInbox).toBeGreaterThan(0);
    expect(expectedInbox).toBeLessThan(inboxBefore.length);
    expect(expectedOutbox).toBeGreaterThan(0);

    await database.db.insert(lineInbox).values({ webhookEventId: "pending-old", sourceType: "user", eventType: "message", eventTimestamp: 1, payloadEnc: encryptField(keyring, "{}"), receivedAt: new Date("2024-01-01T00:00:00Z") });
    const dry = await purgeExpiredData(database.db, { at, settings: payloadOnly, trigger: "command", dryRun: true });
    expect(dry.counts).toEqual({ ...zero, inboxPayloads: expectedInbox, outboxPayloads: expectedOutbox });
    expect((await database.db.select().from(lineInbox).where(isNull(lineInbox.payloadEnc))).length).toBe(0);
    expect(await database.db.select().from(retentionRuns)).toHaveLength(0);

    const result = await purgeExpiredData(database.db, { at, settings: payloadOnly, trigger: "schedule" });
    expect(result.counts).toEqual(dry.counts);
    const inboxAfter = await database.db.select().from(lineInbox);
    expect(inboxAfter).toHaveLength(inboxBefore.length + 1);
    expect(inboxAfter.filter((r) => r.payloadEnc === null).every((r) => r.payloadPurgedAt?.getTime() === at.getTime() && r.status !== "pending")).toBe(true);
    expect(inboxAfter.find((r) => r.webhookEventId === "pending-old")!.payloadEnc).not.toBeNull();
    expect(inboxAfter.find((r) => r.webhookEventId === "recent")!.payloadEnc).not.toBeNull();
    expect((await database.db.select().from(lineOutbox)).filter((r) => r.payloadEnc === null)).toHaveLength(expectedOutbox);
    await database.db.delete(lineInbox).where(inArray(lineInbox.webhookEventId, ["pending-old", "recent"]));

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "retention.purged"));
    expect(audit!.details).toMatchObject({ trigger: "schedule", counts: result.counts });
    expect(await listRetentionRuns(database.db)).toEqual([{ ranAt: at, trigger: "schedule", counts: result.counts }]);
  });

  it("is idempotent: a second run erases nothing and a scheduled one leaves no trace", async () => {
    const again = await purgeExpiredData(database.db, { at: new Date("2025-04-05T01:00:00Z"), settings: payloadOnly, trigger: "schedule" });
    expect(again.counts).toEqual(zero);
    expect(await database.db.select().from(retentionRuns)).toHaveLength(1);
  });

  it("erases consultation content after the months set, while every report gives the same figures", async () => {
    // Survey comments go by the month answered: 2024-08 is past 12 months, 2026-02 is not.
    const surveyVersionId = (await loadCurrentForm(database.db, "survey")).id;
    for (const month of ["2024-08", "2026-02"])
      await database.db.insert(surveyResponses).values({ token: `t-${month}`, month, channel: "line", formVersionId: surveyVersionId, satisfaction: "good", commentEnc: encryptField(keyring, `感想 ${month}`) });
    const before = await allReports();
    const messagesBefore = await database.db.select({ id: consultationMessages.id, kind: consultationMessages.kind, sentAt: consultationMessages.sentAt }).from(consultationMessages).orderBy(asc(consultationMessages.id));
    const closedBefore = await database.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.status, "closed"));
    expect(before.annual.emergenciesByContact.some((row) => row.count > 0)).toBe(true);

    const at = new Date("2026-03-01T00:00:00Z");
    // Two instances purging at once: one erases, the other waits for it and finds nothing left.
    const [first, second] = await Promise.all([
      purgeExpiredData(database.db, { at, settings: withContent, trigger: "schedule" }),
      purgeExpiredData(database.db, { at, settings: withContent, trigger: "schedule" }),
    ]);
    const counts = Object.values(first.counts).some((n) => n > 0) ? first.counts : second.counts;
    expect(Object.values(first.counts).some((n) => n > 0) && Object.values(second.counts).some((n) => n > 0)).toBe(false);
    expect(counts).toMatchObject({ consultations: closedBefore.length, internalNotes: 1, records: 6, consents: 1, sharingExceptions: 1, safetyPlans: 1, emergencies: 1, emergencyContacts: 1, surveyComments: 1 });
    const comments = await database.db.select({ month: surveyResponses.month, comment: surveyResponses.commentEnc, satisfaction: surveyResponses.satisfaction }).from(surveyResponses).orderBy(asc(surveyResponses.month));
    expect(comments.map((c) => [c.month, c.comment && decryptField(keyring, c.comment), c.satisfaction])).toEqual([["2024-08", null, "good"], ["2026-02", "感想 2026-02", "good"]]);
    expect(counts.messages).toBeGreaterThanOrEqual(20);

    expect(await allReports()).toEqual(before);
    expect(await database.db.select({ id: consultationMessages.id, kind: consultationMessages.kind, sentAt: consultationMessages.sentAt }).from(consultationMessages).orderBy(asc(consultationMessages.id))).toEqual(messagesBefore);

    // What is left is the still-open consultations' words (X, G, Z) and nothing of consultation A.
    const left = await everyStoredText(database);
    for (const text of ["いちばん話したいこと", "内部メモ", "先生に話していいよ", "範囲のメモ", "学校の先生", "命の危険", "眠れない", "チェックのメモ", "まとめ", "つながった", "要約", "対応", "死にたい"]) {
      expect(left.filter((t) => t.includes(text))).toEqual([]);
    }
    const [contact] = await database.db.select().from(emergencyContacts);
    expect(contact!.number).toBe("");
    const stillOpen = await database.db.select().from(consultations).where(and(eq(consultations.status, "open"), isNull(consultations.contentPurgedAt)));
    expect(stillOpen).toHaveLength(3);
    const shown = await listConsultationMessages(database.db, consultationA, keyring);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((m) => m.text === null)).toBe(true);

    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, "retention.purged"));
    const details = JSON.stringify(audits.map((a) => a.details));
    expect(details).toContain(`"consultations":${closedBefore.length}`);
    expect(details).not.toMatch(/内部メモ|要約|死にたい/);

    expect((await purgeExpiredData(database.db, { at: new Date("2026-03-02T00:00:00Z"), settings: withContent, trigger: "command" })).counts).toEqual(zero);
    expect((await listRetentionRuns(database.db))[0]).toMatchObject({ trigger: "command", counts: zero });
  });

  it("keeps content while the period is 0 months (until destruction)", async () => {
    const result = await purgeExpiredData(database.db, { at: new Date("2030-01-01T00:00:00Z"), settings: payloadOnly, trigger: "schedule", dryRun: true });
    expect(result.contentCutoff).toBeNull();
    expect(result.counts.consultations).toBe(0);
  });
});

describe("a youth's unsend", () => {
  let database: Database;
  const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "..", "line", "testing", "fixtures", name), "utf8");
  const deps = { keyring, now: () => new Date() };
  const post = (body: string) => receiveWebhook(database.db, { rawBody: body, signature: sign(body) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: deps.now() });
  const drain = async () => {
    while (await processNextInboxEvent(database.db, deps));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("erases the text everywhere it was stored: the message and the inbox event it came in", async () => {
    await post(fixture("text-user.json"));
    await drain();
    expect((await everyStoredText(database)).some((t) => t.includes("Hello, world"))).toBe(true);
    const [message] = await database.db.select().from(consultationMessages).where(eq(consultationMessages.lineMessageId, "325708"));
    let notified: string[] = [];
    const unlisten = await database.listen("soudan_console", (payload) => notified.push(payload));

    await post(fixture("unsend.json"));
    await drain();
    expect(await everyStoredText(database)).not.toEqual(expect.arrayContaining([expect.stringContaining("Hello, world")]));
    const [hidden] = await database.db.select().from(consultationMessages).where(eq(consultationMessages.id, message!.id));
    expect(hidden).toMatchObject({ bodyEnc: null });
    expect(hidden!.hiddenAt).toBeInstanceOf(Date);
    expect(await listConsultationMessages(database.db, message!.consultationId, keyring)).toHaveLength(0);
    const inbox = await database.db.select().from(lineInbox);
    expect(inbox.map((r) => r.status)).toEqual(["done", "done"]);
    const original = inbox.map((r) => JSON.parse(decryptField(keyring, r.payloadEnc!)) as { type: string; message?: unknown }).find((e) => e.type === "message");
    expect(original!.message).toEqual({ id: "325708", type: "text" });

    await expect.poll(() => notified.map((p) => JSON.parse(p) as { kind: string; consultationId: string })).toContainEqual({ kind: "message", consultationId: message!.consultationId });
    await unlisten();
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "retention.unsend_erased"));
    expect(audit).toMatchObject({ actorLogin: "youth", target: `consultation:${message!.consultationId}`, details: { messages: 1, inboxPayloads: 1 } });

    // LINE redelivers the unsend: nothing left to erase, nothing audited again.
    notified = [];
    const redelivered = JSON.parse(fixture("unsend.json")) as { events: Record<string, unknown>[] };
    redelivered.events[0]!.webhookEventId = "01REDELIVERED";
    await post(JSON.stringify(redelivered));
    await drain();
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "retention.unsend_erased"))).toHaveLength(1);
  });

  it("leaves nothing to handle when an operator sets a purged, failed event back to pending: it is ignored", async () => {
    await database.db.insert(lineInbox).values({ webhookEventId: "purged-then-retried", userHash: "h", sourceType: "user", eventType: "message", eventTimestamp: 3, payloadEnc: null, payloadPurgedAt: new Date(), status: "pending", receivedAt: new Date() });
    await drain();
    const [row] = await database.db.select().from(lineInbox).where(eq(lineInbox.webhookEventId, "purged-then-retried"));
    expect(row).toMatchObject({ status: "ignored", payloadEnc: null, lastError: null });
  });
});
