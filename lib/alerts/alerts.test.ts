import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertOutbox, alerts, auditLog, consultations } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { claimConsultation } from "@/lib/consultations";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { deliverNextOutboxItem } from "@/lib/line-api";
import { createFakeLineApi } from "@/lib/line-api/testing/fake-line-api";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import {
  acknowledgeAlert,
  addOnCallEntry,
  createHttpWebhook,
  createSmtpMailer,
  listOpenAlerts,
  SIGNATURE_HEADER,
  type AlertDispatchSettings,
} from "./index";
import { deliverNextAlert } from "./delivery/deliver-next-alert";
import { dispatchDueAlerts } from "./dispatch-due-alerts";
import { startSmtpInbox, startWebhookReceiver } from "./testing/alert-receivers";

const encryptionKey = randomBytes(32).toString("base64");
const keyring = createKeyring(encryptionKey);
// Friday 21:00 JST: outside the staffed hours (Saturday and Sunday evenings), nobody has the console open.
const t0 = new Date("2024-08-02T21:00:00+09:00");
const RISKY = "もう死にたい";
const DEFAULT_LIST = ["oncall-a@city.example.jp", "oncall-b@city.example.jp"];
let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let clock = t0;
const line = createFakeLineApi();

const settings = (): AlertDispatchSettings => ({ email: true, webhook: true, defaultRecipients: DEFAULT_LIST, publicUrl: "https://soudan.example.jp", resendMinutes: 10 });
const delivery = (smtpPort = smtp.port) => ({
  mailer: createSmtpMailer(`smtp://127.0.0.1:${smtpPort}`, "Soudan <soudan@city.example.jp>"),
  webhook: createHttpWebhook(receiver.url, SIGNATURE_HEADER),
  keyring,
  now: () => clock,
});

/** One pass of the alert worker, as each instance runs it: queue what is due, send all that is owed now. */
async function runAlertWorker(deps = delivery()) {
  await dispatchDueAlerts(database.db, { at: clock, ...settings() });
  while (await deliverNextAlert(database.db, deps));
}

/** A youth writes in the LINE talk at `when`; the inbox is processed and LINE's calls are made. */
async function youthWrites(lineUserId: string, text: string, when: Date) {
  clock = when;
  const raw = JSON.stringify({ destination: "U0", events: [userEvent(lineUserId, { type: "message", message: { id: randomBytes(4).toString("hex"), type: "text", text } }, when.getTime())] });
  await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: clock });
  while (await processNextInboxEvent(database.db, { keyring, now: () => clock, chatMode: "line" }));
  while (await deliverNextOutboxItem(database.db, { api: line.api, keyring, now: () => clock }));
}

function minutesLater(m: number): Date {
  return new Date(clock.getTime() + m * 60_000);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await saveSchedule(database.db, takeo2024Preset, null, t0, "test");
  smtp = await startSmtpInbox();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await smtp.close();
  await receiver.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate alert_outbox, alerts, on_call_entries, line_outbox, consultation_messages, consultations, line_inbox, youths cascade`);
  smtp.mails.length = 0;
  receiver.posts.length = 0;
  line.calls.length = 0;
  smtp.refuse(false);
  clock = t0;
});

describe(`on-call alerts (${testDatabaseKind()})`, () => {
  it("tells the default list by e-mail and the webhook by a signed POST, with no content and no LINE id", async () => {
    const lineUserId = "U" + randomBytes(16).toString("hex");
    await youthWrites(lineUserId, RISKY, t0);
    await runAlertWorker();

    expect(smtp.mails.map((m) => m.to).sort()).toEqual(DEFAULT_LIST.map((a) => [a]));
    const [row] = await database.db.select({ pseudonym: sql<string>`y.pseudonym`, id: consultations.id }).from(consultations).innerJoin(sql`youths y`, sql`y.id = ${consultations.youthId}`);
    const { pseudonym, id } = row!;
    for (const mail of smtp.mails) {
      expect(mail.text).toContain("緊急度の高い相談があります");
      expect(mail.text).toContain(pseudonym);
      expect(mail.text).toContain(`https://soudan.example.jp/console/c/${id}`);
      expect(mail.text).toContain("2024/8/2 21:00");
      for (const secret of ["死にたい", lineUserId]) {
        expect(mail.text).not.toContain(secret);
        expect(mail.raw).not.toContain(secret);
      }
    }

    expect(receiver.posts).toHaveLength(1);
    const post = receiver.posts[0]!;
    // The receiver checks the signature with the sub-key an operator derives as docs/OPERATIONS.md says.
    const key = Buffer.from(hkdfSync("sha256", Buffer.from(encryptionKey, "base64"), Buffer.alloc(0), "soudan:alert-webhook", 32));
    expect(post.headers[SIGNATURE_HEADER]).toBe(createHmac("sha256", key).update(post.body).digest("hex"));
    expect(post.headers["content-type"]).toContain("application/json");
    const body = JSON.parse(post.body) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: "risk", level: "high", pseudonym, url: `https://soudan.example.jp/console/c/${id}`, sending: 1 });
    expect(body.text).toEqual(expect.stringContaining(pseudonym));
    for (const secret of ["死にたい", lineUserId, RISKY]) expect(post.body).not.toContain(secret);

    const audit = await database.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(sql`${auditLog.action} like 'alert.%'`);
    expect(audit.map((a) => a.action)).toEqual(["alert.raised", "alert.sent"]);
    expect(JSON.stringify(audit)).not.toMatch(/死にたい|oncall-a|U[0-9a-f]{32}/);
  });

  it("raises one alert per consultation however many risky messages follow", async () => {
    const lineUserId = "U" + randomBytes(16).toString("hex");
    await youthWrites(lineUserId, RISKY, t0);
    await youthWrites(lineUserId, "死にたい、ほんとに", minutesLater(1));
    await runAlertWorker();
    expect(await database.db.$count(alerts)).toBe(1);
    expect(smtp.mails).toHaveLength(2);
    expect(receiver.posts).toHaveLength(1);
  });

  it("re-sends while unacknowledged and unclaimed, and stops once a person acknowledges", async () => {
    await youthWrites("U" + randomBytes(16).toString("hex"), RISKY, t0);
    await runAlertWorker();
    clock = minutesLater(9);
    await runAlertWorker();
    expect(receiver.posts).toHaveLength(1);
    clock = minutesLater(1);
    await runAlertWorker();
    expect(receiver.posts).toHaveLength(2);
    expect(JSON.parse(receiver.posts[1]!.body)).toMatchObject({ sending: 2 });
    expect(smtp.mails).toHaveLength(4);
    expect(smtp.mails[3]!.text).toContain("再送1回目");

    const supervisor = await makeStaff(database.db, `sv-${randomBytes(3).toString("hex")}`, "supervisor");
    const [open] = await listOpenAlerts(database.db);
    await acknowledgeAlert(database.db, { alertId: open!.id, at: clock }, supervisor);
    await expect(acknowledgeAlert(database.db, { alertId: open!.id, at: clock }, supervisor)).rejects.toMatchObject({ code: "already_acknowledged" });
    expect(await listOpenAlerts(database.db)).toEqual([]);
    clock = minutesLater(30);
    await runAlertWorker();
    expect(receiver.posts).toHaveLength(2);
    expect(smtp.mails).toHaveLength(4);
  });

  it("stops re-sending once a counselor takes the consultation", async () => {
    await youthWrites("U" + randomBytes(16).toString("hex"), RISKY, t0);
    await runAlertWorker();
    const counselor = await makeStaff(database.db, `co-${randomBytes(3).toString("hex")}`, "counselor");
    const [consultation] = await database.db.select({ id: consultations.id }).from(consultations);
    await claimConsultation(database.db, consultation!.id, counselor, { at: minutesLater(2), maxActive: 3 });
    clock = minutesLater(30);
    await runAlertWorker();
    expect(receiver.posts).toHaveLength(1);
    expect(smtp.mails).toHaveLength(2);
  });

  it("retries an SMTP server that refuses or is down with backoff, naming it, while the youth's reply goes out", async () => {
    smtp.refuse(true);
    await youthWrites("U" + randomBytes(16).toString("hex"), RISKY, t0);
    // The youth's automatic reply went to LINE whatever happens to the alert.
    expect(line.calls.filter((c) => c.op === "reply")).toHaveLength(1);
    await runAlertWorker();
    expect(receiver.posts).toHaveLength(1);
    expect(smtp.mails).toHaveLength(0);
    let rows = await database.db.select().from(alertOutbox).where(sql`${alertOutbox.channel} = 'email'`);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["pending", 1], ["pending", 1]]);
    expect(rows[0]!.lastError).toContain(`SMTP 127.0.0.1:${smtp.port}`);
    expect(rows[0]!.lastError).toContain("451");
    expect(rows[0]!.lastError).not.toMatch(/oncall-/);
    expect(rows[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(clock.getTime());

    // Down altogether: nothing listens on that port.
    const closed = await startSmtpInbox();
    await closed.close();
    clock = minutesLater(1);
    await runAlertWorker(delivery(closed.port));
    rows = await database.db.select().from(alertOutbox).where(sql`${alertOutbox.channel} = 'email'`);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["pending", 2], ["pending", 2]]);
    expect(rows[0]!.lastError).toMatch(new RegExp(`SMTP 127\\.0\\.0\\.1:${closed.port}.*ECONNREFUSED`));

    smtp.refuse(false);
    clock = minutesLater(1);
    await runAlertWorker();
    expect(smtp.mails).toHaveLength(2);
    rows = await database.db.select().from(alertOutbox).where(sql`${alertOutbox.channel} = 'email'`);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("sends to the people on the roster at that time instead of the default list", async () => {
    const admin = await makeStaff(database.db, `ad-${randomBytes(3).toString("hex")}`, "admin");
    await addOnCallEntry(database.db, { name: "当番 田中", email: "Tanaka@City.example.jp", startsAt: "2024-08-02T17:00", endsAt: "2024-08-03T09:00", at: t0 }, admin);
    await addOnCallEntry(database.db, { name: "翌日", email: "later@city.example.jp", startsAt: "2024-08-03T09:00", endsAt: "2024-08-03T17:00", at: t0 }, admin);
    await youthWrites("U" + randomBytes(16).toString("hex"), RISKY, t0);
    await runAlertWorker();
    expect(smtp.mails.map((m) => m.to)).toEqual([["tanaka@city.example.jp"]]);
  });

  it("keeps alerts in the console only when neither e-mail nor the webhook is configured", async () => {
    await youthWrites("U" + randomBytes(16).toString("hex"), RISKY, t0);
    expect(await dispatchDueAlerts(database.db, { at: clock, ...settings(), email: false, webhook: false })).toBe(0);
    expect(await database.db.$count(alertOutbox)).toBe(0);
    expect(await listOpenAlerts(database.db)).toHaveLength(1);
  });
});
