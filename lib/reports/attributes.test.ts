import { randomBytes } from "node:crypto";
import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationRecords, surveyResponses } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { setClockForTests } from "@/lib/clock";
import { createKeyring, decryptField } from "@/lib/crypto";
import { buildAnnualReport, buildMonthlyReport, reportTables, type AnnualReport, type CountRow, type MonthlyReport } from "./index";
import { renderReportCsv } from "./render-report-csv";
import { buildAttributeDataset } from "./testing/attribute-dataset";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildAttributeDataset(database.db, keyring);
}, 120_000);
afterAll(async () => {
  setClockForTests(null);
  await database.close();
});

const counts = (rows: CountRow[]) => Object.fromEntries(rows.map((row) => [row.label, row.count]));
const table = (report: MonthlyReport | AnnualReport, key: string) => reportTables(report).find((t) => t.key === key)!;

describe("records of issue 16", () => {
  it("derive 新規/継続 from the youth's earlier consultations unless the counselor chose", async () => {
    const rows = await database.db.select({ visit: consultationRecords.visit, requester: consultationRecords.requester }).from(consultationRecords);
    // c1 new, c2 continuing (U1 again), c3 continuing (chosen), c4 new, c6 new.
    expect(rows.map((r) => r.visit).sort()).toEqual(["continuing", "continuing", "new", "new", "new"]);
  });
});

describe("survey answers", () => {
  it("keep no youth or consultation id, only month and channel, one row per consultation", async () => {
    expect(Object.keys(getTableColumns(surveyResponses)).sort()).toEqual(["again", "channel", "commentEnc", "formVersionId", "id", "month", "satisfaction", "token"]);
    const rows = await database.db.select().from(surveyResponses);
    // c1, c3, c4, c6 answered; c2 skipped.
    expect(rows).toHaveLength(4);
    const c4 = rows.find((r) => r.channel === "secure_chat")!;
    // The second submission (よくなかった) did not replace the first.
    expect(c4).toMatchObject({ month: "2024-08", satisfaction: "neutral", again: "unsure" });
    expect(decryptField(keyring, c4.commentEnc!)).toBe("話せてよかった");
  });
});

describe("monthly report: 相談者の属性, 新規/継続, 対応の内容, アンケート", () => {
  let report: MonthlyReport;
  beforeAll(async () => {
    report = await buildMonthlyReport(database.db, { month: "2024-08", at: new Date() });
  });

  it("counts who consulted, first or again, and the average per youth", () => {
    expect(report.summary).toMatchObject({ consultations: 5, youths: 4 });
    expect(counts(report.byRequester)).toEqual({ 本人: 2, 保護者: 1, 友人: 1, 教職員: 0, その他: 0, 記録なし: 1 });
    expect(counts(report.byVisit)).toEqual({ 新規: 2, 継続: 2, 記録なし: 1 });
    // 5 consultations by 4 youth.
    expect(table(report, "byVisit").rows.at(-1)).toEqual(["平均相談回数（相談件数÷相談者実人数）", 1.3, null]);
  });

  it("counts the detailed 対応の内容 and the new topics", () => {
    expect(counts(report.byAction)).toEqual({ "傾聴・助言": 2, 情報提供: 1, 他機関紹介: 1, 他機関につないだ: 1, "電話・対面相談へ移行": 0, 緊急対応: 1, "無言・いたずら": 0 });
    expect(counts(report.byTopic)).toMatchObject({ "自殺念慮・自傷": 1, メンタル不調: 1 });
  });

  it("counts the survey answers of the month, the first answer of each consultation, late answers left out", () => {
    expect(report.survey.responses).toBe(3);
    expect(counts(report.survey.bySatisfaction)).toEqual({ とてもよかった: 1, よかった: 1, どちらともいえない: 1, あまりよくなかった: 0, よくなかった: 0, 無回答: 0 });
    // c3's second answer came after the seven days: 無回答.
    expect(counts(report.survey.byAgain)).toEqual({ はい: 1, わからない: 1, いいえ: 0, 無回答: 1 });
  });

  it("shows shares of the consultations and of the answers, the same in the CSV", () => {
    expect(table(report, "byRequester").rows[0]).toEqual(["本人", 2, 40]);
    expect(table(report, "surveySatisfaction").rows.slice(0, 2)).toEqual([
      ["回答数", 3, 100],
      ["とてもよかった", 1, 33.3],
    ]);
    const csv = renderReportCsv(report, { seq: 1, hash: "0".repeat(64) });
    expect(csv).toContain("相談者の属性別（割合は相談件数に対する割合）\r\n区分,件数,割合（%）\r\n本人,2,40\r\n");
    expect(csv).toContain("はい,1,33.3\r\n");
  });
});

describe("annual report", () => {
  it("adds September's consultation and its answer", async () => {
    const report = await buildAnnualReport(database.db, { fiscalYear: 2024, at: new Date() });
    expect(counts(report.byRequester)).toMatchObject({ 本人: 2, 保護者: 1, 友人: 1, 教職員: 1, 記録なし: 1 });
    expect(counts(report.byVisit)).toEqual({ 新規: 3, 継続: 2, 記録なし: 1 });
    expect(counts(report.byAction)).toMatchObject({ "電話・対面相談へ移行": 1 });
    expect(report.survey.responses).toBe(4);
    expect(counts(report.survey.bySatisfaction)).toMatchObject({ よくなかった: 1 });
    expect(counts(report.survey.byAgain)).toEqual({ はい: 1, わからない: 1, いいえ: 1, 無回答: 1 });
  });
});
