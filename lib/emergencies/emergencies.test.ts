import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { alerts, consultations, emergencyContacts, emergencies } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { authorizeConsultationView, claimConsultation, ConsoleError, loadRecordDraft, sendCounselorMessage, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { buildMonthlyReport } from "@/lib/reports";
import { addEmergencyContact, endEmergency, EmergencyError, joinEmergency, listActiveEmergencies, listEmergencyContactKinds, recordCityNotification, saveEmergencyChecklist, startEmergency, viewEmergency } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let alice: ConsoleActor;
let bob: ConsoleActor;
let sue: ConsoleActor;
let sam: ConsoleActor;
let kinds: Record<string, string>;

const at = (local: string) => new Date(`${local}+09:00`);

/** A consultation alice holds, received at `local` (JST). */
async function heldConsultation(local: string) {
  const { consultationId } = await youthWrites(database.db, keyring, "もう無理かもしれない", { at: at(local) });
  await claimConsultation(database.db, consultationId, alice, { at: at(local), maxActive: 10 });
  return consultationId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await makeStaff(database.db, "alice", "counselor");
  bob = await makeStaff(database.db, "bob", "counselor");
  sue = await makeStaff(database.db, "sue", "supervisor");
  sam = await makeStaff(database.db, "sam", "supervisor");
  kinds = Object.fromEntries((await listEmergencyContactKinds(database.db)).map((kind) => [kind.label, kind.id]));
});
afterAll(async () => {
  await database.close();
});

describe("emergencies", () => {
  it("seeds the six contact kinds as editable data, in order", () => {
    expect(Object.keys(kinds)).toEqual(["警察", "救急", "児童相談所", "市", "学校", "その他"]);
  });

  it("is one emergency however often it is started, and only by the holder or a supervisor", async () => {
    const consultationId = await heldConsultation("2024-08-03T20:10");
    const first = await startEmergency(database.db, { consultationId, at: at("2024-08-03T20:20") }, alice);
    const again = await startEmergency(database.db, { consultationId, at: at("2024-08-03T20:21") }, alice);
    const bySupervisor = await startEmergency(database.db, { consultationId, at: at("2024-08-03T20:22") }, sue);
    expect(first.started).toBe(true);
    expect(again).toEqual({ emergencyId: first.emergencyId, started: false });
    expect(bySupervisor).toEqual({ emergencyId: first.emergencyId, started: false });
    expect(await database.db.select().from(emergencies).where(eq(emergencies.consultationId, consultationId))).toHaveLength(1);
    await expect(startEmergency(database.db, { consultationId, at: at("2024-08-03T20:23") }, bob)).rejects.toEqual(new ConsoleError("not_holder"));
    const started = (await listAudit(database.db)).filter((row) => row.action === "emergency.started" && row.target === `emergency:${first.emergencyId}`);
    expect(started).toHaveLength(1);
    expect(started[0]!.details).toEqual({ consultationId });
    expect((await listActiveEmergencies(database.db)).map((e) => e.id)).toContain(first.emergencyId);
    // The people on call are paged once, content-free.
    expect(await database.db.select({ kind: alerts.kind, level: alerts.level }).from(alerts).where(eq(alerts.consultationId, consultationId))).toEqual([{ kind: "emergency", level: 2 }]);
  });

  it("lets the joined supervisor write in the conversation; a second supervisor is refused", async () => {
    const consultationId = await heldConsultation("2024-08-10T20:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-10T20:05") }, alice);
    await expect(sendCounselorMessage(database.db, { consultationId, text: "業務責任者です", at: at("2024-08-10T20:06"), mode: "secure" }, sue, keyring)).rejects.toEqual(new ConsoleError("not_holder"));
    expect((await authorizeConsultationView(database.db, consultationId, sue)).canReply).toBe(false);
    await expect(joinEmergency(database.db, { emergencyId, at: at("2024-08-10T20:06") }, bob)).rejects.toEqual(new ConsoleError("not_holder"));
    await joinEmergency(database.db, { emergencyId, at: at("2024-08-10T20:07") }, sue);
    await joinEmergency(database.db, { emergencyId, at: at("2024-08-10T20:08") }, sue);
    await expect(joinEmergency(database.db, { emergencyId, at: at("2024-08-10T20:09") }, sam)).rejects.toEqual(new EmergencyError("already_joined"));
    expect((await authorizeConsultationView(database.db, consultationId, sue)).canReply).toBe(true);
    await sendCounselorMessage(database.db, { consultationId, text: "業務責任者です", at: at("2024-08-10T20:10"), mode: "secure" }, sue, keyring);
    const view = await viewEmergency(database.db, { emergencyId }, keyring);
    expect(view).toMatchObject({ startedByName: "alice", joinedByName: "sue", joinedAt: at("2024-08-10T20:07") });
    expect((await listAudit(database.db)).filter((row) => row.action === "emergency.joined" && row.target === `emergency:${emergencyId}`)).toHaveLength(1);
  });

  it("saves and edits the checklist, notes encrypted, nothing of them in the audit log", async () => {
    const consultationId = await heldConsultation("2024-08-17T20:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-17T20:05") }, alice);
    expect((await viewEmergency(database.db, { consultationId }, keyring))!.checklist.desire).toEqual({ answer: "unknown", note: "" });
    await saveEmergencyChecklist(database.db, { emergencyId, checklist: { desire: { answer: "yes", note: "今夜しにたいと" }, plan: { answer: "no" } }, at: at("2024-08-17T20:06") }, alice, keyring);
    await saveEmergencyChecklist(database.db, { emergencyId, checklist: { desire: { answer: "yes", note: "今夜しにたいと" }, plan: { answer: "yes", note: "駅" }, whereabouts: { answer: "yes", note: "自宅" } }, at: at("2024-08-17T20:08") }, alice, keyring);
    const view = (await viewEmergency(database.db, { consultationId }, keyring))!;
    expect(view.checklist).toEqual({
      desire: { answer: "yes", note: "今夜しにたいと" },
      plan: { answer: "yes", note: "駅" },
      means: { answer: "unknown", note: "" },
      timeframe: { answer: "unknown", note: "" },
      whereabouts: { answer: "yes", note: "自宅" },
      safeNow: { answer: "unknown", note: "" },
    });
    const [row] = await database.db.select().from(emergencies).where(eq(emergencies.id, emergencyId));
    expect(row!.checklistNotesEnc).not.toContain("自宅");
    const tooLong = await saveEmergencyChecklist(database.db, { emergencyId, checklist: { means: { answer: "yes", note: "あ".repeat(201) } }, at: at("2024-08-17T20:09") }, alice, keyring);
    expect(tooLong).toEqual({ ok: false, fieldErrors: { "means.note": "メモは200文字以内にしてください。" } });
    const audit = JSON.stringify(await listAudit(database.db));
    expect(audit).not.toContain("自宅");
    expect(audit).not.toContain("しにたい");
  });

  it("refuses a contact without whom or when with Japanese field errors, and writes nothing", async () => {
    const consultationId = await heldConsultation("2024-08-24T20:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-24T20:05") }, alice);
    const refused = await addEmergencyContact(database.db, { emergencyId, contact: { kindId: "", contactedAt: "", number: "110" }, at: at("2024-08-24T20:06") }, alice, keyring);
    expect(refused).toEqual({ ok: false, fieldErrors: { kindId: "連絡先を選んでください。", contactedAt: "連絡した日時を入力してください。" } });
    const malformed = await addEmergencyContact(database.db, { emergencyId, contact: { kindId: kinds["警察"], contactedAt: "昨日" }, at: at("2024-08-24T20:06") }, alice, keyring);
    expect(malformed).toEqual({ ok: false, fieldErrors: { contactedAt: "日時は「2024-08-03T20:15」の形で入力してください。" } });
    expect(await database.db.select().from(emergencyContacts).where(eq(emergencyContacts.emergencyId, emergencyId))).toHaveLength(0);
  });

  it("logs contacts, ends with a summary and closes the consultation as an emergency, audited with ids only", async () => {
    const consultationId = await heldConsultation("2024-08-31T20:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-31T20:05") }, alice);
    await joinEmergency(database.db, { emergencyId, at: at("2024-08-31T20:06") }, sue);
    const police = await addEmergencyContact(
      database.db,
      { emergencyId, contact: { kindId: kinds["警察"], contactedAt: "2024-08-31T20:10", number: "110", result: "警察官が自宅へ向かう", cityNotifiedAt: "2024-08-31T20:30" }, at: at("2024-08-31T20:12") },
      sue,
      keyring,
    );
    expect(police.ok).toBe(true);
    await addEmergencyContact(database.db, { emergencyId, contact: { kindId: kinds["児童相談所"], contactedAt: "2024-08-31T20:20", number: "189", result: "担当者に引き継ぎ" }, at: at("2024-08-31T20:21") }, sue, keyring);
    await expect(endEmergency(database.db, { emergencyId, summary: " ", at: at("2024-08-31T20:40") }, alice, keyring)).resolves.toEqual({ ok: false, fieldErrors: { summary: "対応のまとめを入力してください。" } });
    expect(await endEmergency(database.db, { emergencyId, summary: "警察と児童相談所に連絡し、保護された。", at: at("2024-08-31T20:45") }, alice, keyring)).toEqual({ ok: true });

    const [consultation] = await database.db.select().from(consultations).where(eq(consultations.id, consultationId));
    expect(consultation).toMatchObject({ status: "closed", closeReason: "emergency", closedBy: alice.id, secondResponderId: null });
    expect(await loadRecordDraft(database.db, consultationId, keyring)).toMatchObject({ outcome: "emergency", emergency: true, emergencyNote: "警察と児童相談所に連絡し、保護された。" });
    const view = (await viewEmergency(database.db, { emergencyId }, keyring))!;
    expect(view.contacts.map((c) => [c.kindLabel, c.contactedByName, c.number, c.result, c.cityNotifiedAt])).toEqual([
      ["警察", "sue", "110", "警察官が自宅へ向かう", at("2024-08-31T20:30")],
      ["児童相談所", "sue", "189", "担当者に引き継ぎ", null],
    ]);
    expect(view).toMatchObject({ endedAt: at("2024-08-31T20:45"), endedByName: "alice", summary: "警察と児童相談所に連絡し、保護された。" });
    await expect(addEmergencyContact(database.db, { emergencyId, contact: { kindId: kinds["市"], contactedAt: "2024-08-31T21:00" }, at: at("2024-08-31T21:00") }, alice, keyring)).rejects.toBeInstanceOf(ConsoleError);

    const audit = (await listAudit(database.db)).filter((row) => row.target === `emergency:${emergencyId}` || row.target === `consultation:${consultationId}`);
    expect(audit.map((row) => row.action).reverse()).toEqual(["consultation.claimed", "emergency.started", "emergency.joined", "emergency.contact_added", "emergency.contact_added", "emergency.ended", "consultation.closed_as_emergency"]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain("警察官");
    expect(text).not.toContain("保護");
  });

  it("shows the joined supervisor the conversation to reply in, but not the holder's record form or hand-over", async () => {
    const consultationId = await heldConsultation("2024-07-27T20:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-07-27T20:05") }, alice);
    await joinEmergency(database.db, { emergencyId, at: at("2024-07-27T20:06") }, sue);
    expect(await authorizeConsultationView(database.db, consultationId, sue)).toMatchObject({ canReply: true, holds: false, canFinishRecord: false });
    expect(await authorizeConsultationView(database.db, consultationId, alice)).toMatchObject({ canReply: true, holds: true });
    expect(await authorizeConsultationView(database.db, consultationId, sam)).toMatchObject({ canReply: false, holds: false });
  });

  it("sets and corrects when the city was told on a logged contact, by a responder while the emergency is open, audited with ids only", async () => {
    const consultationId = await heldConsultation("2024-07-28T20:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-07-28T20:05") }, alice);
    const added = await addEmergencyContact(database.db, { emergencyId, contact: { kindId: kinds["児童相談所"], contactedAt: "2024-07-28T20:10", number: "189", result: "担当者に引き継ぎ" }, at: at("2024-07-28T20:11") }, alice, keyring);
    if (!added.ok) throw new Error("contact refused");
    const { contactId } = added;
    const cityNotifiedAt = async () => (await viewEmergency(database.db, { emergencyId }, keyring))!.contacts.find((c) => c.id === contactId)!.cityNotifiedAt;

    expect(await recordCityNotification(database.db, { contactId, cityNotifiedAt: "", at: at("2024-07-28T20:30") }, alice)).toEqual({ ok: false, fieldErrors: { cityNotifiedAt: "市に連絡した日時を入力してください。" } });
    expect(await recordCityNotification(database.db, { contactId, cityNotifiedAt: "あした", at: at("2024-07-28T20:30") }, alice)).toEqual({ ok: false, fieldErrors: { cityNotifiedAt: "日時は「2024-08-03T20:15」の形で入力してください。" } });
    expect(await cityNotifiedAt()).toBeNull();
    await expect(recordCityNotification(database.db, { contactId, cityNotifiedAt: "2024-07-28T20:40", at: at("2024-07-28T20:41") }, bob)).rejects.toEqual(new ConsoleError("not_holder"));
    await expect(recordCityNotification(database.db, { contactId: "00000000-0000-4000-8000-000000000000", cityNotifiedAt: "2024-07-28T20:40", at: at("2024-07-28T20:41") }, alice)).rejects.toEqual(new EmergencyError("contact_not_found"));

    expect(await recordCityNotification(database.db, { contactId, cityNotifiedAt: "2024-07-28T20:40", at: at("2024-07-28T20:41") }, alice)).toEqual({ ok: true });
    expect(await cityNotifiedAt()).toEqual(at("2024-07-28T20:40"));
    // A supervisor corrects it.
    expect(await recordCityNotification(database.db, { contactId, cityNotifiedAt: "2024-07-28T20:45", at: at("2024-07-28T20:50") }, sue)).toEqual({ ok: true });
    expect(await cityNotifiedAt()).toEqual(at("2024-07-28T20:45"));
    const recorded = (await listAudit(database.db)).filter((row) => row.action === "emergency.city_notification_recorded" && row.target === `emergency:${emergencyId}`);
    expect(recorded.map((row) => [row.actorLogin, row.details])).toEqual([
      ["sue", { contactId, corrected: true }],
      ["alice", { contactId, corrected: false }],
    ]);

    // As with the checklist and the contacts, nothing changes once the emergency has ended.
    await endEmergency(database.db, { emergencyId, summary: "児童相談所に引き継いだ。", at: at("2024-07-28T21:00") }, alice, keyring);
    await expect(recordCityNotification(database.db, { contactId, cityNotifiedAt: "2024-07-28T21:30", at: at("2024-07-28T21:31") }, sue)).rejects.toEqual(new ConsoleError("closed"));
    expect(await cityNotifiedAt()).toEqual(at("2024-07-28T20:45"));
  });

  it("counts the month's emergencies by whom was contacted (hand-counted)", async () => {
    // August 2024 above: contacts only in the emergency of 08-31 20:00 (police, child guidance).
    // One more on 08-31: police twice and the school, which counts once for police.
    const consultationId = await heldConsultation("2024-08-31T21:00");
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-31T21:05") }, alice);
    for (const [kind, time] of [["警察", "21:10"], ["警察", "21:30"], ["学校", "21:40"]] as const) {
      await addEmergencyContact(database.db, { emergencyId, contact: { kindId: kinds[kind], contactedAt: `2024-08-31T${time}` }, at: at(`2024-08-31T${time}`) }, alice, keyring);
    }
    // September: not counted in August.
    const september = await heldConsultation("2024-09-01T20:00");
    const { emergencyId: later } = await startEmergency(database.db, { consultationId: september, at: at("2024-09-01T20:05") }, alice);
    await addEmergencyContact(database.db, { emergencyId: later, contact: { kindId: kinds["救急"], contactedAt: "2024-09-01T20:10" }, at: at("2024-09-01T20:10") }, alice, keyring);

    const report = await buildMonthlyReport(database.db, { month: "2024-08", at: at("2024-09-10T09:00") });
    expect(Object.fromEntries(report.emergenciesByContact.map((row) => [row.label, row.count]))).toEqual({ 警察: 2, 救急: 0, 児童相談所: 1, 市: 0, 学校: 1, その他: 0 });
    const september_ = await buildMonthlyReport(database.db, { month: "2024-09", at: at("2024-10-10T09:00") });
    expect(Object.fromEntries(september_.emergenciesByContact.map((row) => [row.label, row.count]))).toMatchObject({ 救急: 1, 警察: 0 });
  });
});
