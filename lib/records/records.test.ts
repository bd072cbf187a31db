import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { listAudit, verifyExportedFile } from "@/lib/audit";
import { createKeyring } from "@/lib/crypto";
import { claimConsultation, closeConsultationWithRecord, endConsultationByYouth, sendCounselorMessage, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { saveAgency } from "@/lib/agencies";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { exportRecordsForInspection, listRecordsForInspection, readRecordForInspection } from "./index";
import { PAGE_SIZE } from "./inspection-filter";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let counselor: ConsoleActor;
let inspector: { id: string; loginId: string };
let referred: string;
let youthEnded: string;

const form = (overrides: Record<string, unknown> = {}) => ({
  ageBand: "high_school",
  gender: "female",
  topics: ["school", "family"],
  contentSummary: "進路のことで親と言い合いになった。",
  responseSummary: "気持ちを受け止め、話し合いの仕方を一緒に考えた。",
  outcome: "advice",
  emergency: false,
  informationShared: false,
  outOfScope: false,
  ...overrides,
});

/** A youth writes at `at`, a counselor answers `replyAfterMin` later and closes with `record` after `closeAfterMin`. */
async function handled(at: string, replyAfterMin: number, closeAfterMin: number, record: Record<string, unknown>) {
  const opened = new Date(at);
  const { consultationId } = await youthWrites(database.db, keyring, "相談したいです", { at: opened });
  await claimConsultation(database.db, consultationId, counselor, { at: opened, maxActive: 100 });
  await sendCounselorMessage(database.db, { consultationId, text: "こんばんは。", at: new Date(opened.getTime() + replyAfterMin * 60_000), mode: "secure" }, counselor, keyring);
  const result = await closeConsultationWithRecord(database.db, { consultationId, form: form(record), at: new Date(opened.getTime() + closeAfterMin * 60_000) }, counselor, keyring);
  expect(result).toEqual({ ok: true });
  return consultationId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await makeStaff(database.db, "admin", "admin");
  counselor = await makeStaff(database.db, "counselor", "counselor");
  inspector = { id: (await makeStaff(database.db, "inspector", "admin")).id, loginId: "inspector" };
  await saveSchedule(database.db, takeo2024Preset, null, new Date(), "test");
  const agency = await saveAgency(database.db, { name: "24時間子供SOSダイヤル", phone: "0120-0-78310" , at: new Date() }, admin);
  // Saturday 2024-08-03, 20:10 JST: staffed. Claimed at once, first answer after 5 min, closed after 45.
  await handled("2024-08-03T11:10:00Z", 5, 45, {});
  referred = await handled("2024-08-04T12:00:00Z", 2, 30, { outcome: "referral", referralAgencyId: agency, emergency: true, emergencyNote: "警察に連絡した（21:20）" });
  // Tuesday 2024-08-06 10:00 JST: outside the hours; the youth ended it before anyone answered.
  const early = await youthWrites(database.db, keyring, "だれかいますか", { at: new Date("2024-08-06T01:00:00Z") });
  youthEnded = early.consultationId;
  await endConsultationByYouth(database.db, { youthId: early.youthId, at: new Date("2024-08-06T01:05:00Z") }, keyring);
  // September, and one still open: neither is in August's list.
  await handled("2024-09-07T11:00:00Z", 1, 10, {});
  await youthWrites(database.db, keyring, "まだ話しています", { at: new Date("2024-08-10T11:00:00Z") });
});
afterAll(async () => {
  await database.close();
});

describe("records inspection (R20)", () => {
  it("lists a month's closed consultations with their timings, without free text, and audits the listing", async () => {
    const list = await listRecordsForInspection(database.db, { month: "2024-08", page: 0 }, inspector);
    expect(list.total).toBe(3);
    expect(list.pageCount).toBe(1);
    const [first, second, third] = list.rows;
    expect(first).toMatchObject({ waitingSeconds: 0, firstResponseSeconds: 300, durationSeconds: 45 * 60, youthMessages: 1, counselorMessages: 1, inStaffedHours: true, outcome: "advice", ageBand: "high_school", counselor: "counselor" });
    expect(second).toMatchObject({ consultationId: referred, outcome: "referral", referralAgency: "24時間子供SOSダイヤル", emergency: true });
    expect(third).toMatchObject({ consultationId: youthEnded, closeReason: "youth_ended", outcome: null, waitingSeconds: null, firstResponseSeconds: null, durationSeconds: null, inStaffedHours: false });
    expect(JSON.stringify(list.rows)).not.toContain("進路");
    const [audit] = await listAudit(database.db, 1);
    expect(audit).toMatchObject({ action: "records.listed", actorLogin: "inspector", details: { month: "2024-08", outcome: null, page: 1, shown: 3, total: 3 } });
  });

  it("filters by outcome, including consultations that ended without a record", async () => {
    expect((await listRecordsForInspection(database.db, { month: "2024-08", outcome: "referral", page: 0 }, inspector)).rows.map((r) => r.consultationId)).toEqual([referred]);
    expect((await listRecordsForInspection(database.db, { month: "2024-08", outcome: "none", page: 0 }, inspector)).rows.map((r) => r.consultationId)).toEqual([youthEnded]);
    expect((await listRecordsForInspection(database.db, { month: "2024-09", page: 0 }, inspector)).total).toBe(1);
    await expect(listRecordsForInspection(database.db, { month: "2024-8", page: 0 }, inspector)).rejects.toThrow();
  });

  it("pages by fifty and keeps an out-of-range page inside the list", async () => {
    const list = await listRecordsForInspection(database.db, { month: "2024-08", page: 7 }, inspector);
    expect(PAGE_SIZE).toBe(50);
    expect(list.page).toBe(0);
  });

  it("opens one record with its free text decrypted, audited by consultation", async () => {
    const record = await readRecordForInspection(database.db, referred, inspector, keyring);
    expect(record).toMatchObject({ contentSummary: "進路のことで親と言い合いになった。", emergencyNote: "警察に連絡した（21:20）", firstResponseSeconds: 120 });
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "record.viewed", target: `consultation:${referred}`, actorLogin: "inspector" });
    expect(await readRecordForInspection(database.db, "00000000-0000-4000-8000-000000000000", inspector, keyring)).toBeNull();
  });

  it("exports CSV with a byte order mark and Japanese headers, and Excel with the same rows, each audited", async () => {
    const csv = await exportRecordsForInspection(database.db, { month: "2024-08", format: "csv" }, inspector, keyring);
    const text = csv.body.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("受付日時,相談者,経路,担当相談員,初回応答日時,待ち時間（受付から担当まで・分）,初回応答までの時間（分）,対応時間（担当から終了まで・分）");
    expect(lines[1]).toMatch(/^2024-08-03 20:10,/);
    expect(lines[2]).toContain("支援機関を紹介");
    expect(lines[2]).toContain("警察に連絡した（21:20）");
    expect(csv.filename).toBe("soudan-records-2024-08.csv");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "records.exported", details: { month: "2024-08", format: "csv", rows: 3 } });

    const xlsx = await exportRecordsForInspection(database.db, { month: "2024-08", outcome: "referral", format: "xlsx" }, inspector, keyring);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("相談記録");
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(7).value).toBe(2);
    expect(sheet?.getRow(2).getCell(8).value).toBe(30);
    expect(sheet?.getRow(2).getCell(18).value).toBe("24時間子供SOSダイヤル");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "records.exported", details: { outcome: "referral", format: "xlsx", rows: 1 } });
    // Each file's SHA-256 is in its audit row: both verify as Soudan's, an altered copy does not.
    expect(await verifyExportedFile(database.db, csv.body)).toMatchObject({ known: true, action: "records.exported" });
    expect(await verifyExportedFile(database.db, xlsx.body)).toMatchObject({ known: true, action: "records.exported" });
    expect(await verifyExportedFile(database.db, Buffer.concat([csv.body, Buffer.from("x")]))).toMatchObject({ known: false });
  });
});
