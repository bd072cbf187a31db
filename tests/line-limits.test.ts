import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertOutbox, lineOutbox, operationalAlerts } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { control, followingUser, startEmulator, startReceiver, type Receiver } from "@/emulator/test-support";
import type { Emulator } from "@/emulator/server";
import { createHttpWebhook, raiseOperationalAlert, SIGNATURE_HEADER } from "@/lib/alerts";
import { deliverNextAlert } from "@/lib/alerts/delivery/deliver-next-alert";
import { dispatchDueAlerts } from "@/lib/alerts/dispatch-due-alerts";
import { claimConsultation, listConsultationMessages, sendCounselorMessage, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { createSdkLineApi, deliverNextOutboxItem, enqueueLineCall, type DeliveryDeps, type LineApi } from "@/lib/line-api";
import { ensureYouth } from "@/lib/youths";
import { summarizeLineChannel } from "@/lib/line";
import { checkLineQuota } from "@/lib/line/quota/check-line-quota";

const keyring = createKeyring(randomBytes(32).toString("base64"));
/** 2025-02-10 in Tokyo: the quota month is February. */
let clock = new Date("2025-02-10T03:00:00Z");
const now = () => clock;
let database: TestDatabase;
let emulator: Emulator;
let receiver: Receiver;
let api: LineApi;
let counselor: ConsoleActor;

/** The on-call webhook: a real HTTP server that keeps what it was sent. */
const posted: string[] = [];
const onCall = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    posted.push(body);
    res.writeHead(200).end();
  });
});

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url, { now: () => clock.getTime() });
  api = createSdkLineApi({ channelAccessToken: "test-channel-access-token", baseURL: emulator.url });
  counselor = await makeStaff(database.db, "limits-counselor", "counselor");
  await new Promise<void>((resolve) => onCall.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
  await database.close();
  await new Promise((resolve) => onCall.close(resolve));
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, line_quota_readings, alert_outbox, operational_alerts, consultation_messages, consultations, youths cascade`);
  // A reset keeps the monthly target: drop it too.
  await control(emulator, "POST", "/reset");
  await control(emulator, "PUT", "/quota", { limit: null });
  clock = new Date("2025-02-10T03:00:00Z");
  posted.length = 0;
});

const outboxDeps = (): DeliveryDeps => ({
  api,
  keyring,
  now,
  onMonthlyLimit: async (tx, at) => void (await raiseOperationalAlert(tx, { kind: "line_monthly_limit", at })),
});

async function followingYouth() {
  const { userId } = await followingUser(emulator);
  return { lineUserId: userId, youthId: (await ensureYouth(database.db, userId, keyring)).id };
}

async function sendAlerts() {
  const webhook = createHttpWebhook(`http://127.0.0.1:${(onCall.address() as AddressInfo).port}/hook`, SIGNATURE_HEADER);
  await dispatchDueAlerts(database.db, { at: clock, email: false, webhook: true, defaultRecipients: [], publicUrl: "https://soudan.example.jp", resendMinutes: 15 });
  while (await deliverNextAlert(database.db, { mailer: null, webhook, keyring, now }));
}

const kinds = async () => (await database.db.select({ kind: operationalAlerts.kind }).from(operationalAlerts).orderBy(operationalAlerts.raisedAt, operationalAlerts.kind)).map((r) => r.kind);

describe(`LINE's limits (${testDatabaseKind()})`, () => {
  it("reads the quota and the month's usage from LINE and the summary shows them", async () => {
    const before = await summarizeLineChannel(database.db, clock);
    expect(before.quota).toBeNull();
    await control(emulator, "PUT", "/quota", { limit: 1000, used: 123 });
    await checkLineQuota(database.db, { api, now });
    const summary = await summarizeLineChannel(database.db, clock);
    expect(summary.quota).toEqual({ used: 123, limit: 1000, percent: 12, readAt: clock });
    expect(summary.quotaAlerts).toEqual([]);

    await control(emulator, "PUT", "/quota", { limit: null });
    await checkLineQuota(database.db, { api, now });
    expect((await summarizeLineChannel(database.db, clock)).quota).toMatchObject({ limit: null, percent: null });
  });

  it("alerts the on-call list at 80 % and at 95 %, once a month each, without content", async () => {
    await control(emulator, "PUT", "/quota", { limit: 100, used: 79 });
    await checkLineQuota(database.db, { api, now });
    expect(await kinds()).toEqual([]);
    await control(emulator, "PUT", "/quota", { limit: 100, used: 80 });
    await checkLineQuota(database.db, { api, now });
    clock = new Date(clock.getTime() + 10 * 60_000);
    await checkLineQuota(database.db, { api, now });
    expect(await kinds()).toEqual(["line_quota_80"]);
    await sendAlerts();
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0]!)).toMatchObject({ kind: "line_quota_80", url: "https://soudan.example.jp/admin/line", text: expect.stringContaining(ja.alerts.operational.line_quota_80) });

    await control(emulator, "PUT", "/quota", { limit: 100, used: 97 });
    await checkLineQuota(database.db, { api, now });
    await checkLineQuota(database.db, { api, now });
    expect(await kinds()).toEqual(["line_quota_80", "line_quota_95"]);
    await sendAlerts();
    await sendAlerts();
    expect(posted.map((p) => (JSON.parse(p) as { kind: string }).kind)).toEqual(["line_quota_80", "line_quota_95"]);
    expect((await summarizeLineChannel(database.db, clock)).quotaAlerts.map((a) => a.kind)).toEqual(["line_quota_80", "line_quota_95"]);

    // March (Tokyo) is a new month: the same usage alerts again.
    clock = new Date("2025-02-28T15:30:00Z");
    await control(emulator, "PUT", "/quota", { limit: 100, used: 97 });
    await checkLineQuota(database.db, { api, now });
    expect(await kinds()).toEqual(["line_quota_80", "line_quota_95", "line_quota_80", "line_quota_95"]);
  });

  it("fails a push refused for the monthly limit at once, and alerts once a month", async () => {
    const { youthId } = await followingYouth();
    await control(emulator, "PUT", "/quota", { limit: 1, used: 1 });
    const first = await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: [{ type: "text", text: "返信があります" }] } }, keyring);
    const second = await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: [{ type: "text", text: "返信があります" }] } }, keyring);
    while (await deliverNextOutboxItem(database.db, outboxDeps()));
    const rows = await database.db.select().from(lineOutbox).orderBy(lineOutbox.seq);
    expect(rows.map((r) => [r.id, r.status, r.attempts, r.httpStatus])).toEqual([
      [first, "failed", 1, 429],
      [second, "failed", 1, 429],
    ]);
    expect(await kinds()).toEqual(["line_monthly_limit"]);
    await sendAlerts();
    expect(posted).toHaveLength(1);
    const body = JSON.parse(posted[0]!) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: "line_monthly_limit" });
    expect(posted[0]).not.toContain("返信があります");
    expect(await database.db.$count(alertOutbox, eq(alertOutbox.status, "sent"))).toBe(1);
  });

  it("waits at least LINE's Retry-After before the next attempt (429 and 503)", async () => {
    const { youthId } = await followingYouth();
    for (const status of [429, 503]) {
      await database.db.execute(sql`truncate line_outbox`);
      await control(emulator, "POST", "/faults", { path: "/v2/bot/message/push", status, retryAfter: 120 });
      await enqueueLineCall(database.db, { youthId, kind: "push", payload: { messages: [{ type: "text", text: "x" }] } }, keyring);
      await deliverNextOutboxItem(database.db, outboxDeps());
      const [row] = await database.db.select().from(lineOutbox);
      expect(row).toMatchObject({ status: "pending", attempts: 1, httpStatus: status });
      expect(row!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(clock.getTime() + 120_000);
      clock = new Date(clock.getTime() + 119_000);
      expect(await deliverNextOutboxItem(database.db, outboxDeps())).toBe(false);
      clock = new Date(clock.getTime() + 1_000);
      expect(await deliverNextOutboxItem(database.db, outboxDeps())).toBe(true);
      expect((await database.db.select().from(lineOutbox))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    }
  });

  it("shows the counselor that a secure-mode reply's notice could not reach the youth", async () => {
    const { lineUserId } = await followingYouth();
    const wrote = await youthWrites(database.db, keyring, "聞いてほしい", { lineUserId, at: clock });
    await claimConsultation(database.db, wrote.consultationId, counselor, { at: clock, maxActive: 3 });
    await control(emulator, "PUT", "/quota", { limit: 1, used: 1 });
    await sendCounselorMessage(database.db, { consultationId: wrote.consultationId, text: "お返事です", at: clock, mode: "secure", liffUrl: "https://liff.line.me/x" }, counselor, keyring);
    let shown = await listConsultationMessages(database.db, wrote.consultationId, keyring);
    expect(shown.find((m) => m.sender === "counselor")!.delivery).toBe("queued");
    while (await deliverNextOutboxItem(database.db, outboxDeps()));
    shown = await listConsultationMessages(database.db, wrote.consultationId, keyring);
    const reply = shown.find((m) => m.sender === "counselor")!;
    expect(reply).toMatchObject({ text: "お返事です", delivery: "notice_failed" });
    expect(ja.console.delivery[reply.delivery!]).toBe("相談者に通知できませんでした");
  });

  it("marks the talk read with the webhook's markAsReadToken on the public endpoint", async () => {
    const { lineUserId, youthId } = await followingYouth();
    const sent = await control(emulator, "POST", `/users/${lineUserId}/messages`, { type: "text", text: "こんにちは" });
    const markAsReadToken = (sent.body as { event: { message: { markAsReadToken: string } } }).event.message.markAsReadToken;
    await control(emulator, "DELETE", "/requests");
    await enqueueLineCall(database.db, { youthId, kind: "mark_read", payload: { markAsReadToken } }, keyring);
    await deliverNextOutboxItem(database.db, outboxDeps());
    expect((await database.db.select().from(lineOutbox))[0]).toMatchObject({ status: "sent", sentVia: "mark_read" });
    const byToken = await control(emulator, "GET", "/requests?operation=markMessagesAsReadByToken");
    expect((byToken.body as { requests: { body: unknown }[] }).requests.map((r) => r.body)).toEqual([JSON.stringify({ markAsReadToken })]);
    const partnerOnly = await control(emulator, "GET", "/requests?operation=markMessagesAsRead");
    expect(partnerOnly.body).toEqual({ requests: [] });
  });
});
