import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, consultationRecords, consultations } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { claimConsultation, listHeldConsultations, listWaitingConsultations, setConsultationPriority, viewConsultation, type ConsoleActor } from "./index";
import { listInternalNotes } from "./list-internal-notes";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;
let counselor: ConsoleActor;
let other: ConsoleActor;
let supervisor: ConsoleActor;
const t0 = new Date("2024-08-03T20:10:00+09:00");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await createTestDatabase();
  counselor = await makeStaff(database.db, "badge-counselor", "counselor");
  other = await makeStaff(database.db, "badge-other", "counselor");
  supervisor = await makeStaff(database.db, "badge-supervisor", "supervisor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate alert_outbox, alerts, consultation_reads, consultation_notes, consultation_records, line_outbox, consultation_messages, consultations, youths cascade`);
});

describe(`console badges and manual priority (${testDatabaseKind()})`, () => {
  it("counts the youth messages the holder has not seen since their last look at the conversation", async () => {
    const first = await youthWrites(database.db, keyring, "こんばんは", { at: at(0) });
    const second = await youthWrites(database.db, keyring, "聞いてほしい", { at: at(0) });
    await claimConsultation(database.db, first.consultationId, counselor, { at: at(1), maxActive: 3 });
    await claimConsultation(database.db, second.consultationId, counselor, { at: at(1.5), maxActive: 3 });
    await viewConsultation(database.db, first.consultationId, counselor, keyring, new Date());
    await youthWrites(database.db, keyring, "まだいますか", { lineUserId: first.lineUserId, at: at(2) });
    await youthWrites(database.db, keyring, "もう消えたい", { lineUserId: first.lineUserId, at: at(3) });
    const tabs = await listHeldConsultations(database.db, counselor.id);
    expect(tabs.map((t) => [t.id, t.unread, t.priority])).toEqual([
      [first.consultationId, 2, 2],
      [second.consultationId, 1, 0],
    ]);
    await viewConsultation(database.db, first.consultationId, counselor, keyring, new Date());
    // A supervisor's look does not count as the holder's.
    await viewConsultation(database.db, second.consultationId, supervisor, keyring, new Date());
    expect((await listHeldConsultations(database.db, counselor.id)).map((t) => t.unread)).toEqual([0, 1]);
  });

  it("lets the holder or a supervisor set the priority with a reason, kept encrypted, audited with the levels only", async () => {
    const { consultationId } = await youthWrites(database.db, keyring, "相談です", { at: at(0) });
    await claimConsultation(database.db, consultationId, counselor, { at: at(1), maxActive: 3 });
    await expect(setConsultationPriority(database.db, { consultationId, priority: 2, reason: "  ", at: at(2) }, counselor, keyring)).rejects.toThrow("変更の理由を入力してください。");
    await expect(setConsultationPriority(database.db, { consultationId, priority: 2, reason: "理由", at: at(2) }, other, keyring)).rejects.toMatchObject({ code: "not_holder" });
    expect(await setConsultationPriority(database.db, { consultationId, priority: 2, reason: "手首の傷の話が出た", at: at(2) }, counselor, keyring)).toEqual({ changed: true });
    expect(await setConsultationPriority(database.db, { consultationId, priority: 1, reason: "落ち着いた", at: at(3) }, supervisor, keyring)).toEqual({ changed: true });
    expect(await setConsultationPriority(database.db, { consultationId, priority: 1, reason: "同じ", at: at(4) }, supervisor, keyring)).toEqual({ changed: false });
    const [row] = await database.db.select({ priority: consultations.priority }).from(consultations).where(eq(consultations.id, consultationId));
    expect(row!.priority).toBe(1);
    const notes = await listInternalNotes(database.db, consultationId, keyring);
    expect(notes.map((n) => n.text)).toEqual(["優先度を「通常」から「緊急」に変更しました。理由：手首の傷の話が出た", "優先度を「緊急」から「注意」に変更しました。理由：落ち着いた"]);
    const audit = await database.db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.action, "consultation.priority_changed"));
    expect(audit.map((a) => a.details)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 1 }]);
  });

  it("marks a returning youth whose earlier consultation was high-risk or an emergency, in the queue and the conversation", async () => {
    const risky = await youthWrites(database.db, keyring, "死にたい", { at: at(0) });
    const emergency = await youthWrites(database.db, keyring, "こんにちは", { at: at(0) });
    const plain = await youthWrites(database.db, keyring, "こんにちは", { at: at(0) });
    await database.db.update(consultations).set({ status: "closed", closedAt: at(30) });
    await database.db.insert(consultationRecords).values({ consultationId: emergency.consultationId, emergency: true, updatedAt: at(30) });
    const again = await Promise.all([risky, emergency, plain].map((c) => youthWrites(database.db, keyring, "また来ました", { lineUserId: c.lineUserId, at: at(60) })));
    const queue = await listWaitingConsultations(database.db);
    const marked = Object.fromEntries(queue.map((q) => [q.id, q.earlierAtRisk]));
    expect(again.map((c) => marked[c.consultationId])).toEqual([true, true, false]);
    const view = await viewConsultation(database.db, again[0]!.consultationId, supervisor, keyring, new Date());
    expect(view.consultation.earlierAtRisk).toBe(true);
  });
});
