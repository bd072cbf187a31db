import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationTimings, receptionEvents } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { setClockForTests } from "@/lib/clock";
import { backfillConsultationTimings } from "@/lib/consultations";
import { createKeyring } from "@/lib/crypto";
import { buildAnnualReception, buildAnnualReport, buildDailyWorkLog, buildMonthlyReception, buildMonthlyReport, reportTables, type CountRow, type MonthlyReport } from "./index";
import { buildKnownDataset } from "./testing/known-dataset";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildKnownDataset(database.db, keyring);
}, 120_000);
afterAll(async () => {
  setClockForTests(null);
  await database.close();
});

const counts = (rows: CountRow[]) => Object.fromEntries(rows.map((row) => [row.label, row.count]));
const stats = (count: number, medianSeconds: number | null, p90Seconds: number | null, meanSeconds: number | null) => ({ count, medianSeconds, p90Seconds, meanSeconds });

describe("record timings", () => {
  it("are stored for every closed consultation, from its events", async () => {
    const rows = await database.db.select().from(consultationTimings);
    // P, A, B, C, D, H, E, F, Y closed; X, G, Z still open.
    expect(rows).toHaveLength(9);
    const a = rows.find((row) => row.receivedAt.toISOString() === "2024-08-03T11:10:00.000Z")!;
    expect(a).toMatchObject({
      arrivedInStaffedHours: true,
      firstClaimedAt: new Date("2024-08-03T11:15:00Z"),
      firstReplyAt: new Date("2024-08-03T11:17:00Z"),
      closedAt: new Date("2024-08-03T11:45:00Z"),
      waitingSeconds: 300,
      firstResponseSeconds: 420,
      durationSeconds: 1800,
      youthMessages: 2,
      counselorMessages: 2,
    });
    const c = rows.find((row) => row.receivedAt.toISOString() === "2024-08-06T03:00:00.000Z")!;
    expect(c).toMatchObject({ arrivedInStaffedHours: false, youthMessages: 2, counselorMessages: 1, waitingSeconds: 4 * 86400 + 8 * 3600 });
    const d = rows.find((row) => row.receivedAt.toISOString() === "2024-08-10T13:00:00.000Z")!;
    expect(d).toMatchObject({ arrivedInStaffedHours: true, firstClaimedAt: null, waitingSeconds: null, durationSeconds: null, youthMessages: 1, counselorMessages: 0 });
  });

  it("are backfilled for consultations closed before they were recorded, and recomputed alike", async () => {
    const withoutComputedAt = (rows: (typeof consultationTimings.$inferSelect)[]) =>
      rows.map((row) => ({ ...row, computedAt: null })).sort((x, y) => x.consultationId.localeCompare(y.consultationId));
    const before = withoutComputedAt(await database.db.select().from(consultationTimings));
    await database.db.delete(consultationTimings);
    expect(await backfillConsultationTimings(database.db, new Date("2025-05-01T00:00:00Z"))).toBe(9);
    expect(withoutComputedAt(await database.db.select().from(consultationTimings))).toEqual(before);
    expect(await backfillConsultationTimings(database.db, new Date())).toBe(0);
  });

  it("counts follows, unblocks and blocks without saying who", async () => {
    const rows = await database.db.select().from(receptionEvents);
    expect(rows.map((row) => row.kind).sort()).toEqual(["follow", "unblock", "unfollow"]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["at", "id", "kind"]);
  });
});

describe("monthly report (月例報告書)", () => {
  let report: MonthlyReport;
  beforeAll(async () => {
    report = await buildMonthlyReport(database.db, { month: "2024-08", municipality: "武雄市", at: new Date() });
  });

  it("has the month's totals", () => {
    expect(report).toMatchObject({ kind: "monthly", title: "月例報告書", municipality: "武雄市", from: "2024-08-01", to: "2024-08-31", periodLabel: "2024年8月" });
    expect(report.summary).toEqual({
      consultations: 8,
      youths: 8,
      staffedArrivals: 7,
      outOfHoursArrivals: 1,
      claimed: 6,
      // A, B, H and F were answered; C was answered but marked 対象外; E was taken but never answered.
      actual: 4,
      // D left and G still waits: both arrived in staffed hours (08-25 stays staffed: it was closed only in September).
      unanswered: 2,
      recorded: 4,
      stillOpen: 1,
      emergencies: 1,
      referrals: 1,
      outOfScope: 1,
      abandoned: 1,
      youthMessages: 9,
      counselorMessages: 6,
      waiting: stats(5, 300, 480, 276),
      firstResponse: stats(4, 270, 402, 270),
      duration: stats(6, 1740, 2400, 1820),
      longestSeconds: 3000,
    });
  });

  it("has the service figures: staffed days, the daily average, LINE friends", () => {
    // Sat 3, Sun 4, Sat 10, Sun 11, Mon 12 (振替休日), Sat 17, Sun 18, Sat 24, Sun 25, Sat 31: 8 consultations ÷ 10 days.
    expect(report.service).toEqual({ staffedDays: 10, dailyAverage: 0.8, followers: 37, followersDate: "2024-08-30" });
    expect(report.previous.summary).toMatchObject({ actual: 1, unanswered: 0 });
  });

  it("counts 相談時間 in bands (担当〜終了): H 19, F 25, B 28 minutes; A and C 30, E 50 minutes", () => {
    expect(counts(report.byDuration)).toEqual({ "30分未満": 3, "30分以上60分未満": 3, "60分以上90分未満": 0, "90分以上120分未満": 0, "120分以上": 0 });
  });

  it("crosses 年代 and 性別 with the topics of the records", () => {
    const cells = (tab: MonthlyReport["ageByTopic"]) =>
      Object.fromEntries(tab.rows.flatMap((row) => row.counts.flatMap((n, i) => (n > 0 ? [[`${row.label}×${tab.columns[i]!.label}`, n]] : []))));
    expect(cells(report.ageByTopic)).toEqual({ "小学生×児童虐待": 1, "小学生×家族": 1, "中学生×いじめ": 1, "中学生×学校・勉強": 1, "高校生世代×心身の健康": 1, "対象年齢外×その他": 1 });
    expect(cells(report.genderByTopic)).toEqual({ "女性×児童虐待": 1, "女性×いじめ": 1, "女性×家族": 1, "女性×学校・勉強": 1, "男性×心身の健康": 1, "その他×その他": 1 });
    expect(report.ageByTopic.rows.map((row) => row.label)).toEqual(["小学生", "中学生", "高校生世代", "若者（18〜30歳）", "対象年齢外", "不明"]);
  });

  it("sets the previous month beside it", () => {
    expect(report.previous.month).toBe("2024-07");
    expect(report.previous.summary).toMatchObject({ consultations: 2, youths: 2, staffedArrivals: 1, outOfHoursArrivals: 1, claimed: 1, recorded: 1, stillOpen: 1, emergencies: 0 });
    expect(report.previous.summary.waiting).toEqual(stats(1, 300, 300, 300));
  });

  it("counts by 年代, 性別, topic and outcome, with unrecorded consultations apart", () => {
    expect(counts(report.byAgeBand)).toEqual({ 小学生: 1, 中学生: 1, 高校生世代: 1, "若者（18〜30歳）": 0, 対象年齢外: 1, 不明: 0, 記録なし: 4 });
    expect(counts(report.byGender)).toEqual({ 女性: 2, 男性: 1, その他: 1, "不明・答えない": 0, 記録なし: 4 });
    expect(counts(report.byTopic)).toMatchObject({ 児童虐待: 1, 不登校: 0, いじめ: 1, 家族: 1, "学校・勉強": 1, 心身の健康: 1, その他: 1, ヤングケアラー: 0, 記録なし: 4 });
    expect(counts(report.byOutcome)).toEqual({ "傾聴・助言": 1, 支援機関を紹介: 1, 緊急対応: 1, 電話相談へ切り替え: 1, 継続して対応: 0, 相談者が終了: 0, 記録なし: 4 });
    expect(counts(report.byCloseReason)).toEqual({ 記録して終了: 4, 無応答のため終了: 1, 待機中に離脱: 1, 相談時間の終了: 0, 相談者が終了: 1, 緊急対応で終了: 0, "対応中・待機中": 1 });
    // B's emergency was only ticked on the record form: no contact log, so no contact is counted.
    expect(counts(report.emergenciesByContact)).toEqual({ 警察: 0, 救急: 0, 児童相談所: 0, 市: 0, 学校: 0, その他: 0 });
    expect(counts(report.byChannel)).toEqual({ LINE: 8, セキュアチャット: 0 });
    expect(counts(report.referralsByAgency)).toEqual({ 佐賀県中央児童相談所: 1 });
  });

  it("counts by arrival time band and weekday in JST, holidays apart", () => {
    const bands = counts(report.byTimeBand);
    expect(report.byTimeBand).toHaveLength(24);
    expect(bands).toMatchObject({ "12時台": 1, "20時台": 4, "21時台": 1, "22時台": 1, "23時台": 1 });
    expect(Object.values(bands).reduce((n, v) => n + v, 0)).toBe(8);
    expect(counts(report.byWeekday)).toEqual({ 日曜日: 1, 月曜日: 0, 火曜日: 1, 水曜日: 0, 木曜日: 0, 金曜日: 0, 土曜日: 5, 祝日: 1 });
  });

  it("holds no personal text", () => {
    const text = JSON.stringify(report);
    for (const personal of ["クラスで無視", "死にたい", "要約", "市と警察", "alice", "bob"]) expect(text).not.toContain(personal);
  });
});

describe("a month LINE could not count, a month outside the service period", () => {
  it("says the friends could not be read rather than 0", async () => {
    const july = await buildMonthlyReport(database.db, { month: "2024-07", at: new Date() });
    expect(july.service).toMatchObject({ followers: null, followersDate: null });
    const row = reportTables(july).find((table) => table.key === "service")!.rows.find((r) => String(r[0]).startsWith("友だち登録数"))!;
    expect(row[1]).toBe("取得できませんでした");
    expect(july.outsideServicePeriod).toBe(false);
  });

  it("marks a month with no day in any service period", async () => {
    expect((await buildMonthlyReport(database.db, { month: "2024-06", at: new Date() })).outsideServicePeriod).toBe(true);
    expect((await buildDailyWorkLog(database.db, { month: "2026-06", at: new Date() })).outsideServicePeriod).toBe(true);
    expect((await buildAnnualReport(database.db, { fiscalYear: 2030, at: new Date() })).outsideServicePeriod).toBe(true);
  });
});

describe("daily work log (業務日誌)", () => {
  it("has an entry for every staffed day and every day with work, with who was on duty and what happened", async () => {
    const log = await buildDailyWorkLog(database.db, { month: "2024-08", at: new Date() });
    // 08-06 (Tue) was not staffed, but C arrived then.
    expect(log.days.map((d) => d.date)).toEqual(["2024-08-03", "2024-08-04", "2024-08-06", "2024-08-10", "2024-08-11", "2024-08-12", "2024-08-17", "2024-08-18", "2024-08-24", "2024-08-25", "2024-08-31"]);
    const day = (date: string) => log.days.find((d) => d.date === date)!;
    expect(day("2024-08-03")).toEqual({
      date: "2024-08-03",
      label: "8月3日(土)",
      hours: "20:00〜24:00",
      staffOnDuty: ["alice", "bob"],
      received: 2,
      receivedInHours: 2,
      handled: 2,
      counselorMessages: 3,
      closed: 2,
      emergencies: 1,
      referrals: 1,
      riskDetected: 1,
      abandoned: 0,
      notes: ["緊急対応 1件", "危険を示す言葉の検知 1件", "支援機関の紹介 1件"],
    });
    expect(day("2024-08-10")).toMatchObject({ staffOnDuty: ["alice"], received: 1, receivedInHours: 1, handled: 1, counselorMessages: 1, closed: 2, abandoned: 1, notes: ["待機中の離脱 1件"] });
    expect(day("2024-08-12")).toMatchObject({ label: "8月12日(月・祝)", staffOnDuty: ["bob"], received: 1, handled: 1, counselorMessages: 1, closed: 1 });
    expect(day("2024-08-17")).toMatchObject({ staffOnDuty: ["alice"], received: 1, handled: 1, counselorMessages: 0, closed: 1 });
    expect(day("2024-08-25")).toMatchObject({ staffOnDuty: [], received: 1, handled: 0, notes: [] });
    // F's record was written at 00:20 on 09-01: the evening of the 31st's work.
    expect(day("2024-08-31")).toMatchObject({ staffOnDuty: ["bob"], received: 1, handled: 1, counselorMessages: 1, closed: 1, riskDetected: 1, notes: ["危険を示す言葉の検知 1件"] });
    expect(day("2024-08-06")).toMatchObject({ label: "8月6日(火)", hours: "相談日以外", received: 1, receivedInHours: 0, handled: 0, notes: [] });
    expect(day("2024-08-25")).toMatchObject({ hours: "20:00〜24:00", received: 1, receivedInHours: 1 });
    expect(day("2024-08-04")).toMatchObject({ staffOnDuty: [], received: 0, handled: 0, notes: ["相談なし"] });
  });
});

describe("monthly reception status (月例受付状況)", () => {
  it("counts every contact of every day, in and out of hours, with follows and blocks", async () => {
    const reception = await buildMonthlyReception(database.db, { month: "2024-08", at: new Date() });
    expect(reception.days).toHaveLength(31);
    const day = (date: string) => reception.days.find((d) => d.key === date)!;
    expect(day("2024-08-03")).toMatchObject({ staffedDays: 1, messages: 3, messagesInHours: 3, messagesOutOfHours: 0, consultations: 2, youths: 2, follows: 1 });
    expect(day("2024-08-06")).toMatchObject({ label: "8月6日(火)", staffedDays: 0, messages: 2, messagesInHours: 0, messagesOutOfHours: 2, refused: 1, consultations: 1, consultationsOutOfHours: 1, youths: 1 });
    expect(day("2024-08-10")).toMatchObject({ messages: 1, consultations: 1, blocks: 1 });
    expect(day("2024-08-20")).toMatchObject({ staffedDays: 0, messages: 0, unblocks: 1 });
    expect(reception.total).toEqual({
      key: "total",
      label: "合計",
      staffedDays: 10,
      messages: 10,
      messagesInHours: 8,
      messagesOutOfHours: 2,
      refused: 1,
      consultations: 8,
      consultationsOutOfHours: 1,
      youths: 8,
      follows: 1,
      unblocks: 1,
      blocks: 1,
    });
  });
});

describe("annual report (年度報告書) and annual reception status (年度受付状況)", () => {
  it("covers the service period within the fiscal year", async () => {
    const report = await buildAnnualReport(database.db, { fiscalYear: 2024, at: new Date() });
    expect(report).toMatchObject({ kind: "annual", from: "2024-07-22", to: "2025-03-31", periodLabel: "2024年度（令和6年度） 2024年7月22日〜2025年3月31日" });
    expect(report.summary).toEqual({
      consultations: 10,
      youths: 10,
      staffedArrivals: 9,
      outOfHoursArrivals: 1,
      claimed: 8,
      actual: 6,
      unanswered: 2,
      recorded: 6,
      stillOpen: 1,
      emergencies: 1,
      referrals: 1,
      outOfScope: 1,
      abandoned: 1,
      youthMessages: 11,
      counselorMessages: 8,
      waiting: stats(7, 300, 420, 257.1),
      firstResponse: stats(6, 270, 390, 270),
      duration: stats(8, 1680, 2160, 1762.5),
      longestSeconds: 3000,
    });
    // 77 staffed days (see the annual reception below); 10 ÷ 77 = 0.13; friends as of the last snapshot.
    expect(report.service).toEqual({ staffedDays: 77, dailyAverage: 0.1, followers: 37, followersDate: "2024-08-30" });
    expect(report.byMonth[1]).toMatchObject({ claimed: 6, actual: 4, unanswered: 2 });
    expect(report.byMonth.map((m) => [m.month, m.consultations])).toEqual([
      ["2024-07", 1],
      ["2024-08", 8],
      ["2024-09", 0],
      ["2024-10", 0],
      ["2024-11", 0],
      ["2024-12", 0],
      ["2025-01", 0],
      ["2025-02", 1],
      ["2025-03", 0],
    ]);
    expect(report.byMonth[1]).toMatchObject({ staffedArrivals: 7, outOfHoursArrivals: 1, emergencies: 1, abandoned: 1, waitingMedianSeconds: 300 });
    expect(counts(report.byAgeBand)).toMatchObject({ 高校生世代: 2, "若者（18〜30歳）": 1, 記録なし: 4 });
    expect(counts(report.byWeekday)).toMatchObject({ 土曜日: 6, 祝日: 2 });
  });

  it("counts the reception month by month, the youth once over the year", async () => {
    const reception = await buildAnnualReception(database.db, { fiscalYear: 2024, at: new Date() });
    expect(reception.months.map((m) => m.key)).toEqual(["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]);
    // July from the 22nd: the 27th and 28th (Sat, Sun); the 21st lies before the service period.
    expect(reception.months[0]).toMatchObject({ staffedDays: 2, messages: 1, consultations: 1, youths: 1 });
    expect(reception.total).toMatchObject({ staffedDays: 77, messages: 12, messagesOutOfHours: 2, refused: 1, consultations: 10, youths: 10, follows: 1, unblocks: 1, blocks: 1 });
  });
});
