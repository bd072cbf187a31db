import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationRecords, consultations, staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { createKeyring, decryptField } from "@/lib/crypto";
import {
  claimConsultation,
  closeConsultationWithRecord,
  closeInactiveConsultations,
  ConsoleError,
  endConsultationByYouth,
  finishConsultationRecord,
  listPendingRecords,
  saveRecordDraft,
  type ConsoleActor,
} from "./index";
import { authorizeConsultationView } from "./authorize-consultation-view";
import { loadRecordDraft } from "./load-record-draft";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let alice: ConsoleActor;
let bob: ConsoleActor;
let sue: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await makeStaff(database.db, "alice", "counselor");
  bob = await makeStaff(database.db, "bob", "counselor");
  sue = await makeStaff(database.db, "sue", "supervisor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_notes, consultation_messages, consultation_records, consultations, youths, line_inbox cascade`);
  await database.db.update(staff).set({ active: true });
});

const complete = {
  ageBand: "high_school",
  gender: "male",
  topics: ["family"],
  contentSummary: "家で居場所がない。",
  responseSummary: "話を聴き、また話せることを伝えた。",
  outcome: "ended_by_youth",
  referralAgencyId: "",
  emergency: false,
  informationShared: false,
  outOfScope: false,
};

/** A consultation alice held until the youth ended it from the secure chat. */
async function endedByYouth() {
  const youth = await youthWrites(database.db, keyring, "家にいたくない");
  await claimConsultation(database.db, youth.consultationId, alice, { at: new Date(), maxActive: 5 });
  await endConsultationByYouth(database.db, { youthId: youth.youthId, at: new Date() }, keyring);
  return youth.consultationId;
}

describe("a consultation that ended without its record", () => {
  it("stays readable to its last holder, who may write the record, and to supervisors", async () => {
    const id = await endedByYouth();
    expect(await authorizeConsultationView(database.db, id, alice)).toMatchObject({ phase: "closed", canReply: false, canFinishRecord: true, closeReason: "youth_ended" });
    expect(await authorizeConsultationView(database.db, id, sue)).toMatchObject({ canReply: false, canFinishRecord: true });
    await expect(authorizeConsultationView(database.db, id, bob)).rejects.toEqual(new ConsoleError("not_holder"));
  });

  it("is listed for its last holder and for supervisors, not for other counselors", async () => {
    const id = await endedByYouth();
    const unclaimed = await youthWrites(database.db, keyring, "待っています");
    await endConsultationByYouth(database.db, { youthId: unclaimed.youthId, at: new Date() }, keyring);
    expect((await listPendingRecords(database.db, alice)).map((r) => r.id)).toEqual([id]);
    expect((await listPendingRecords(database.db, sue)).map((r) => ({ id: r.id, holderName: r.holderName, closeReason: r.closeReason }))).toEqual([
      { id, holderName: "alice", closeReason: "youth_ended" },
    ]);
    expect(await listPendingRecords(database.db, bob)).toEqual([]);
  });

  it("keeps the draft saving, then takes the record with the same rules as closing and keeps how it ended", async () => {
    const id = await endedByYouth();
    await saveRecordDraft(database.db, { consultationId: id, draft: { contentSummary: "家で居場所がない。" }, at: new Date() }, alice, keyring);
    expect(await loadRecordDraft(database.db, id, keyring)).toEqual({ contentSummary: "家で居場所がない。" });

    const refused = await finishConsultationRecord(database.db, { consultationId: id, form: { outcome: "ended_by_youth" }, at: new Date() }, alice, keyring);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { ageBand: "年代を選んでください。", responseSummary: "対応内容の要約を入力してください。" } });

    expect(await finishConsultationRecord(database.db, { consultationId: id, form: complete, at: new Date() }, alice, keyring)).toEqual({ ok: true });
    const [row] = await database.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row).toMatchObject({ status: "closed", closeReason: "youth_ended" });
    const [record] = await database.db.select().from(consultationRecords).where(eq(consultationRecords.consultationId, id));
    expect(record).toMatchObject({ ageBand: "high_school", outcome: "ended_by_youth", draftEnc: null, updatedBy: alice.id });
    expect(record!.finalizedAt).toBeInstanceOf(Date);
    expect(decryptField(keyring, record!.contentSummaryEnc!)).toBe("家で居場所がない。");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "consultation.record_finished", actorLogin: "alice", target: `consultation:${id}`, details: { closeReason: "youth_ended" } });

    // Once written, it is an ordinary closed consultation: off the list, no longer the counselor's to read or rewrite.
    expect(await listPendingRecords(database.db, alice)).toEqual([]);
    await expect(authorizeConsultationView(database.db, id, alice)).rejects.toEqual(new ConsoleError("not_holder"));
    await expect(finishConsultationRecord(database.db, { consultationId: id, form: complete, at: new Date() }, alice, keyring)).rejects.toEqual(new ConsoleError("closed"));
    await expect(saveRecordDraft(database.db, { consultationId: id, draft: {}, at: new Date() }, alice, keyring)).rejects.toEqual(new ConsoleError("closed"));
  });

  it("can be finished by a supervisor, never by another counselor", async () => {
    const id = await endedByYouth();
    await expect(finishConsultationRecord(database.db, { consultationId: id, form: complete, at: new Date() }, bob, keyring)).rejects.toEqual(new ConsoleError("not_holder"));
    expect(await finishConsultationRecord(database.db, { consultationId: id, form: complete, at: new Date() }, sue, keyring)).toEqual({ ok: true });
  });

  it("covers a consultation closed for inactivity", async () => {
    const t0 = new Date("2024-08-03T20:00:00+09:00");
    const youth = await youthWrites(database.db, keyring, "相談です", { at: t0 });
    await claimConsultation(database.db, youth.consultationId, alice, { at: t0, maxActive: 5 });
    await closeInactiveConsultations(database.db, { at: new Date(t0.getTime() + 31 * 60_000), minutes: 30, keyring });
    expect((await listPendingRecords(database.db, alice)).map((r) => ({ id: r.id, closeReason: r.closeReason }))).toEqual([{ id: youth.consultationId, closeReason: "inactive" }]);
    expect(await finishConsultationRecord(database.db, { consultationId: youth.consultationId, form: complete, at: new Date() }, alice, keyring)).toEqual({ ok: true });
  });

  it("is refused while the consultation is still going: that is what closing is for", async () => {
    const youth = await youthWrites(database.db, keyring, "まだ話したい");
    await claimConsultation(database.db, youth.consultationId, alice, { at: new Date(), maxActive: 5 });
    await expect(finishConsultationRecord(database.db, { consultationId: youth.consultationId, form: complete, at: new Date() }, alice, keyring)).rejects.toEqual(new ConsoleError("still_open"));
    expect(await closeConsultationWithRecord(database.db, { consultationId: youth.consultationId, form: complete, at: new Date() }, alice, keyring)).toEqual({ ok: true });
    expect(await listPendingRecords(database.db, alice)).toEqual([]);
  });
});
