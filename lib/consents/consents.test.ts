import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consents, consultations, sharingExceptions } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { claimConsultation, closeConsultationWithRecord, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { exportRecordsForInspection, readRecordForInspection } from "@/lib/records";
import { saveAgency } from "@/lib/agencies";
import { listSharingBasis, recordConsent, recordSharingException, withdrawConsent } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let alice: ConsoleActor;
let bob: ConsoleActor;
let inspector: ConsoleActor;
let agencyId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await makeStaff(database.db, "admin", "admin");
  inspector = await makeStaff(database.db, "inspector", "admin");
  alice = await makeStaff(database.db, "alice", "counselor");
  bob = await makeStaff(database.db, "bob", "counselor");
  agencyId = await saveAgency(database.db, { name: "武雄市子ども家庭課", phone: "0954-00-0000", at: new Date() }, admin);
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate consents, sharing_exceptions, consultation_records, consultation_messages, line_outbox, consultations, youths cascade`);
});

const at = new Date("2024-08-03T11:30:00Z");
const sharedReferral = (overrides: Record<string, unknown> = {}) => ({
  ageBand: "junior_high",
  gender: "female",
  topics: ["abuse"],
  contentSummary: "家で叩かれている。",
  responseSummary: "市の子ども家庭課につなぐことを話し合った。",
  outcome: "referral",
  referralAgencyId: agencyId,
  emergency: false,
  informationShared: true,
  outOfScope: false,
  ...overrides,
});
const consent = () => ({ agencyId, scopeItems: ["summary", "school"], scopeNote: "名前は伝えない", agreedAt: "2024-08-03T20:25", words: "「市の人に話してもいい。でも名前は言わないで」" });

async function held() {
  const { consultationId } = await youthWrites(database.db, keyring, "家にいたくない", { at });
  await claimConsultation(database.db, consultationId, alice, { at, maxActive: 5 });
  return consultationId;
}

describe("consent as a record (R11)", () => {
  it("records to whom, what, when and the youth's words (encrypted), audited by ids only", async () => {
    const consultationId = await held();
    const result = await recordConsent(database.db, { consultationId, consent: consent(), at }, alice, keyring);
    expect(result).toEqual({ ok: true, id: expect.any(String) });
    const [row] = await database.db.select().from(consents);
    expect(row).toMatchObject({ consultationId, agencyId, scopeItems: ["summary", "school"], agreedAt: new Date("2024-08-03T11:25:00Z"), recordedBy: alice.id, withdrawnAt: null });
    expect(row!.wordsEnc).not.toContain("市の人");
    expect(await listSharingBasis(database.db, consultationId, keyring)).toMatchObject({
      consents: [{ recipient: "武雄市子ども家庭課", scopeNote: "名前は伝えない", words: "「市の人に話してもいい。でも名前は言わないで」", recordedBy: "alice", withdrawnAt: null }],
      exceptions: [],
    });
    const [audit] = await listAudit(database.db, 1);
    expect(audit).toMatchObject({ action: "consent.recorded", actorLogin: "alice", target: `consultation:${consultationId}`, details: { consentId: row!.id, agencyId } });
    expect(JSON.stringify(audit)).not.toContain("市の人");
  });

  it("refuses a consent without recipient, scope, time or words with Japanese field errors, and another counselor", async () => {
    const consultationId = await held();
    expect(await recordConsent(database.db, { consultationId, consent: { agencyId: "", recipient: " ", scopeItems: [], agreedAt: "", words: "" }, at }, alice, keyring)).toEqual({
      ok: false,
      fieldErrors: { recipient: ja.consent.errors.recipient, scopeItems: ja.consent.errors.scope, agreedAt: ja.consent.errors.agreedAt, words: ja.consent.errors.words },
    });
    await expect(recordConsent(database.db, { consultationId, consent: consent(), at }, bob, keyring)).rejects.toMatchObject({ code: "not_holder" });
    expect(await database.db.select().from(consents)).toEqual([]);
  });

  it("takes a recipient written out when the agency is not in the directory", async () => {
    const consultationId = await held();
    await recordConsent(database.db, { consultationId, consent: { ...consent(), agencyId: "", recipient: "担任の先生" }, at }, alice, keyring);
    expect((await listSharingBasis(database.db, consultationId, keyring)).consents[0]!.recipient).toBe("担任の先生");
  });

  it("refuses closing with information shared and neither a consent nor an R10 exception, and closes once consent is recorded", async () => {
    const consultationId = await held();
    expect(await closeConsultationWithRecord(database.db, { consultationId, form: sharedReferral(), at }, alice, keyring)).toEqual({ ok: false, fieldErrors: { informationShared: ja.consent.noBasis } });
    expect((await database.db.select().from(consultations))[0]!.status).toBe("open");
    await recordConsent(database.db, { consultationId, consent: consent(), at }, alice, keyring);
    expect(await closeConsultationWithRecord(database.db, { consultationId, form: sharedReferral(), at }, alice, keyring)).toEqual({ ok: true });
  });

  it("a withdrawn consent no longer allows sharing; the withdrawal is kept with its time and note", async () => {
    const consultationId = await held();
    const recorded = await recordConsent(database.db, { consultationId, consent: consent(), at }, alice, keyring);
    if (!recorded.ok) throw new Error("not recorded");
    expect(await withdrawConsent(database.db, { consultationId, withdrawal: { consentId: recorded.id, withdrawnAt: "2024-08-03T20:40", note: "やっぱりやめたい、と言った" }, at }, alice, keyring)).toEqual({ ok: true, id: recorded.id });
    expect(await withdrawConsent(database.db, { consultationId, withdrawal: { consentId: recorded.id, withdrawnAt: "2024-08-03T20:41" }, at }, alice, keyring)).toEqual({
      ok: false,
      fieldErrors: { consentId: ja.consent.errors.alreadyWithdrawn },
    });
    expect((await listSharingBasis(database.db, consultationId, keyring)).consents[0]).toMatchObject({ withdrawnAt: new Date("2024-08-03T11:40:00Z"), withdrawalNote: "やっぱりやめたい、と言った" });
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "consent.withdrawn", details: { consentId: recorded.id } });
    expect(await closeConsultationWithRecord(database.db, { consultationId, form: sharedReferral(), at }, alice, keyring)).toEqual({ ok: false, fieldErrors: { informationShared: ja.consent.noBasis } });
    expect(await closeConsultationWithRecord(database.db, { consultationId, form: sharedReferral({ informationShared: false }), at }, alice, keyring)).toEqual({ ok: true });
  });

  it("the R10 exception records its reason (encrypted), the supervisor and when, and allows sharing without consent", async () => {
    const consultationId = await held();
    expect(await recordSharingException(database.db, { consultationId, exception: { agencyId: "", recipient: "", reason: "", supervisorName: "", decidedAt: "" }, at }, alice, keyring)).toEqual({
      ok: false,
      fieldErrors: { reason: ja.consent.errors.reason, supervisorName: ja.consent.errors.supervisorName, decidedAt: ja.consent.errors.decidedAt, recipient: ja.consent.errors.recipient },
    });
    const result = await recordSharingException(
      database.db,
      { consultationId, exception: { agencyId, reason: "今夜家に帰ると危ないと話したため", supervisorName: "田中 業務責任者", decidedAt: "2024-08-03T20:35" }, at },
      alice,
      keyring,
    );
    expect(result.ok).toBe(true);
    const [row] = await database.db.select().from(sharingExceptions);
    expect(row).toMatchObject({ supervisorName: "田中 業務責任者", decidedAt: new Date("2024-08-03T11:35:00Z"), recordedBy: alice.id });
    expect(row!.reasonEnc).not.toContain("危ない");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "consent.exception_recorded", details: { exceptionId: row!.id, agencyId } });
    expect(await closeConsultationWithRecord(database.db, { consultationId, form: sharedReferral({ emergency: true, emergencyNote: "市に連絡した" }), at }, alice, keyring)).toEqual({ ok: true });
    await expect(recordSharingException(database.db, { consultationId, exception: { agencyId, reason: "後から", supervisorName: "田中", decidedAt: at }, at }, alice, keyring)).rejects.toMatchObject({ code: "not_holder" });
  });

  it("shows consents and R10 exceptions, decrypted, in the inspection view and export", async () => {
    const consultationId = await held();
    const recorded = await recordConsent(database.db, { consultationId, consent: consent(), at }, alice, keyring);
    if (!recorded.ok) throw new Error("not recorded");
    await withdrawConsent(database.db, { consultationId, withdrawal: { consentId: recorded.id, withdrawnAt: "2024-08-03T20:40", note: "やめたい" }, at }, alice, keyring);
    await recordSharingException(database.db, { consultationId, exception: { agencyId, reason: "命の危険があった", supervisorName: "田中", decidedAt: "2024-08-03T20:45" }, at }, alice, keyring);
    await closeConsultationWithRecord(database.db, { consultationId, form: sharedReferral(), at }, alice, keyring);

    const record = await readRecordForInspection(database.db, consultationId, inspector, keyring);
    expect(record).toMatchObject({ informationShared: true, consentToShare: null });
    expect(record!.sharing.consents).toMatchObject([{ words: consent().words, withdrawalNote: "やめたい" }]);
    expect(record!.sharing.exceptions).toMatchObject([{ reason: "命の危険があった", supervisorName: "田中" }]);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "record.viewed", target: `consultation:${consultationId}` });

    const csv = (await exportRecordsForInspection(database.db, { month: "2024-08", format: "csv" }, inspector, keyring)).body.toString("utf8");
    expect(csv).toContain("関係機関への情報提供,情報提供の同意,同意なしの情報提供");
    expect(csv).toContain("伝える先：武雄市子ども家庭課／伝えてよいこと：相談の内容、学校・学年、名前は伝えない／同意した日時：2024-08-03 20:25");
    expect(csv).toContain("取り消し（2024-08-03 20:40）：やめたい");
    expect(csv).toContain("理由：命の危険があった／いっしょに決めた業務責任者：田中／決めた日時：2024-08-03 20:45");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "records.exported", details: { rows: 1 } });
  });
});
