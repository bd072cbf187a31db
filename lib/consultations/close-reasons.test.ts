import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationTimings, consultations, lineOutbox } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { sendClosingNotices } from "@/lib/autoreply";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { subscribeConsoleEvents } from "@/lib/realtime";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { claimConsultation, closeConsultationWithRecord, listConsultationMessages, closeInactiveConsultations, endConsultationByYouth, type CloseReason, type ConsoleActor } from "./index";
import { makeStaff, youthWrites } from "./testing/console-fixture";

/** Closing time says it ended and names the next session (after Saturday 8月10日's), in one message. */
const closingTimeText = ja.autoReply.closed_at_closing_time.replace("{次の相談時間}", "8月11日(日) 20:00〜24:00");
const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;
let listener: Database;
let alice: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  listener = await database.connectAgain();
  alice = await makeStaff(database.db, "alice", "counselor");
  await saveSchedule(database.db, takeo2024Preset, null, new Date(), "test");
});
afterAll(async () => {
  await listener.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultation_records, consultation_timings, consultations, youths, line_inbox, session_closings cascade`);
});

/** Every consultation another connection (another app instance) hears closing; the event may arrive before `close` returns. */
async function listenForClosed() {
  const heard = new Set<string>();
  const waiters: (() => void)[] = [];
  const stop = await subscribeConsoleEvents(listener, (event) => {
    if (event.kind !== "closed" || !event.consultationId) return;
    heard.add(event.consultationId);
    for (const wake of waiters.splice(0)) wake();
  });
  async function until(id: string): Promise<void> {
    while (!heard.has(id)) await new Promise<void>((wake) => waiters.push(wake));
  }
  return { until, stop };
}

/** The youth is told it ended: the closing line ends the conversation and, unless they blocked the account, goes out through LINE. */
async function expectClosingMessage(id: string, reason: CloseReason) {
  const text = reason === "inactive" ? ja.autoReply.closed_inactive : reason === "closing_time" ? closingTimeText : ja.autoReply.closed;
  const messages = await listConsultationMessages(database.db, id, keyring);
  expect(messages.at(-1)).toMatchObject({ sender: "system", text });
  const [{ youthId }] = (await database.db.select({ youthId: consultations.youthId }).from(consultations).where(eq(consultations.id, id))) as [{ youthId: string }];
  const pushes = (await database.db.select().from(lineOutbox).where(and(eq(lineOutbox.youthId, youthId), eq(lineOutbox.kind, "push")))).map(
    (row) => (JSON.parse(decryptField(keyring, row.payloadEnc!)) as { messages: { text: string }[] }).messages[0]!.text,
  );
  expect(pushes.filter((t) => t === text)).toHaveLength(reason === "abandoned" ? 0 : 1);
  // Closing time's notice is the closing message: not a second, contradicting push.
  if (reason === "closing_time") expect(pushes).toEqual([text]);
}

/** Runs `close` and checks the five effects every way of ending must have. */
async function expectClosed(reason: CloseReason, action: string, close: () => Promise<string>, closedBy: string | null = null) {
  const closed = await listenForClosed();
  const id = await close();
  await closed.until(id);
  closed.stop();
  const [row] = await database.db.select().from(consultations).where(eq(consultations.id, id));
  expect(row).toMatchObject({ status: "closed", closeReason: reason, closedBy });
  expect(row!.closedAt).toBeInstanceOf(Date);
  const [timings] = await database.db.select().from(consultationTimings).where(eq(consultationTimings.consultationId, id));
  expect(timings).toMatchObject({ closedAt: row!.closedAt });
  const audit = await listAudit(database.db, 20);
  expect(audit.filter((a) => a.action === action && a.target === `consultation:${id}`)).toHaveLength(1);
  await expectClosingMessage(id, reason);
}

async function held(at = new Date()) {
  const youth = await youthWrites(database.db, keyring, "聞いてほしい", { at });
  await claimConsultation(database.db, youth.consultationId, alice, { at, maxActive: 5 });
  return youth;
}

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

describe(`every way a consultation ends sets the state, records the timings, tells the consoles and the youth, and audits (${testDatabaseKind()})`, () => {
  it("completed: the counselor closes with the record", async () => {
    await expectClosed(
      "completed",
      "consultation.closed",
      async () => {
        const { consultationId } = await held();
        expect(await closeConsultationWithRecord(database.db, { consultationId, form: record, at: new Date() }, alice, keyring)).toEqual({ ok: true });
        return consultationId;
      },
      alice.id,
    );
  });

  it("inactive: the youth stopped answering", async () => {
    await expectClosed("inactive", "consultation.auto_closed", async () => {
      const t0 = new Date("2024-08-03T20:00:00+09:00");
      const { consultationId } = await held(t0);
      expect(await closeInactiveConsultations(database.db, { at: new Date(t0.getTime() + 31 * 60_000), minutes: 30, keyring })).toBe(1);
      return consultationId;
    });
  });

  it("youth_ended: the youth taps 相談を終える", async () => {
    await expectClosed("youth_ended", "consultation.youth_ended", async () => {
      const { consultationId, youthId } = await held();
      expect(await endConsultationByYouth(database.db, { youthId, at: new Date() }, keyring)).toBe(consultationId);
      return consultationId;
    });
  });

  it("abandoned: the youth blocks the account while waiting", async () => {
    await expectClosed("abandoned", "consultation.abandoned", async () => {
      const { consultationId, lineUserId } = await youthWrites(database.db, keyring, "待ってます");
      const raw = JSON.stringify({ destination: "U0", events: [userEvent(lineUserId, { type: "unfollow", replyToken: undefined })] });
      await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: new Date() });
      while (await processNextInboxEvent(database.db, { keyring, now: () => new Date() }));
      return consultationId;
    });
  });

  it("closing_time: with SOUDAN_CLOSING_POLICY=close, youth still waiting at closing", async () => {
    await expectClosed("closing_time", "consultation.closed_at_closing_time", async () => {
      const { consultationId } = await youthWrites(database.db, keyring, "待ってる", { at: new Date("2024-08-10T23:00:00+09:00") });
      expect(await sendClosingNotices(database.db, { at: new Date("2024-08-11T00:01:00+09:00"), keyring, policy: "close" })).toBe(1);
      return consultationId;
    });
  });

  it("a consultation closes once: a second closer changes nothing and audits nothing", async () => {
    const { consultationId, youthId } = await held();
    expect(await endConsultationByYouth(database.db, { youthId, at: new Date() }, keyring)).toBe(consultationId);
    expect(await endConsultationByYouth(database.db, { youthId, at: new Date() }, keyring)).toBeNull();
    expect((await listAudit(database.db, 20)).filter((a) => a.target === `consultation:${consultationId}` && a.action === "consultation.youth_ended")).toHaveLength(1);
  });
});
