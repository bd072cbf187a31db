import { describe, expect, it } from "vitest";
import { parseSchedule, takeo2024Preset, type Schedule } from "./index";

type Edit = (schedule: Schedule) => void;

function issuesAfter(edit: Edit) {
  const input = structuredClone(takeo2024Preset);
  edit(input);
  const result = parseSchedule(input);
  if (result.success) throw new Error("expected the schedule to be rejected");
  return result.issues;
}

describe("parseSchedule", () => {
  it("accepts a valid schedule, touching timeframes and a 24:00 end included", () => {
    const input = structuredClone(takeo2024Preset);
    input.weekly[3] = [
      { start: "09:00", end: "12:00" },
      { start: "12:00", end: "24:00" },
    ];
    expect(parseSchedule(input)).toEqual({ success: true, schedule: input });
  });

  it("rejects overlapping timeframes on the same day, naming both", () => {
    expect(
      issuesAfter((s) => {
        s.weekly[6] = [
          { start: "20:00", end: "22:00" },
          { start: "21:00", end: "23:00" },
        ];
      }),
    ).toEqual([{ path: "weekly.6.1", message: "20:00〜22:00 と 21:00〜23:00 が重なっています" }]);
  });

  it("catches a timeframe inside a longer one that an earlier one does not reach", () => {
    expect(
      issuesAfter((s) => {
        s.weekly[6] = [
          { start: "20:00", end: "24:00" },
          { start: "21:00", end: "22:00" },
          { start: "22:30", end: "23:00" },
        ];
      }),
    ).toEqual([
      { path: "weekly.6.1", message: "20:00〜24:00 と 21:00〜22:00 が重なっています" },
      { path: "weekly.6.2", message: "20:00〜24:00 と 22:30〜23:00 が重なっています" },
    ]);
  });

  it("checks overlaps in holiday and opening timeframes too", () => {
    const overlapping = [
      { start: "21:00", end: "23:00" },
      { start: "20:00", end: "22:00" },
    ];
    expect(issuesAfter((s) => (s.holidays.timeframes = overlapping))).toEqual([
      { path: "holidays.timeframes.0", message: "20:00〜22:00 と 21:00〜23:00 が重なっています" },
    ]);
    expect(issuesAfter((s) => s.openings.push({ date: "2024-08-07", timeframes: overlapping, reason: "特別相談" }))).toEqual([
      { path: "openings.0.timeframes.0", message: "20:00〜22:00 と 21:00〜23:00 が重なっています" },
    ]);
  });

  it.each([
    ["22:00", "20:00"],
    ["20:00", "20:00"],
  ])("rejects a timeframe %s〜%s whose end is not after its start", (start, end) => {
    expect(issuesAfter((s) => (s.weekly[6][0] = { start, end }))).toEqual([
      { path: "weekly.6.0.end", message: "終了時刻は開始時刻より後にしてください" },
    ]);
  });

  it.each([
    ["start", "25:00", "開始時刻「25:00」は正しくありません。00:00〜23:59 の HH:MM 形式で入力してください"],
    ["start", "24:00", "開始時刻「24:00」は正しくありません。00:00〜23:59 の HH:MM 形式で入力してください"],
    ["start", "8:00", "開始時刻「8:00」は正しくありません。00:00〜23:59 の HH:MM 形式で入力してください"],
    ["end", "20:60", "終了時刻「20:60」は正しくありません。00:00〜24:00 の HH:MM 形式で入力してください"],
    ["end", "24:30", "終了時刻「24:30」は正しくありません。00:00〜24:00 の HH:MM 形式で入力してください"],
    ["end", "", "終了時刻を入力してください"],
  ] as const)("rejects %s time %j with one Japanese message", (field, value, message) => {
    expect(issuesAfter((s) => (s.weekly[6][0] = { start: "20:00", end: "24:00", [field]: value }))).toEqual([
      { path: `weekly.6.0.${field}`, message },
    ]);
  });

  it.each(["2024-02-30", "2023-02-29", "2024-13-01", "2024/07/22", "R6-07-22"])("rejects the date %s", (date) => {
    expect(issuesAfter((s) => (s.servicePeriod.from = date))).toEqual([
      { path: "servicePeriod.from", message: `設置期間の開始日「${date}」は正しくありません。実在する日付を YYYY-MM-DD 形式で入力してください` },
    ]);
  });

  it("accepts 29 February in a leap year", () => {
    const input = structuredClone(takeo2024Preset);
    input.closures.push({ from: "2024-02-29", to: "2024-02-29", reason: "閏日" });
    input.servicePeriod.from = "2024-02-29";
    expect(parseSchedule(input).success).toBe(true);
  });

  it("rejects a service period that ends before it starts", () => {
    expect(issuesAfter((s) => (s.servicePeriod = { from: "2025-03-31", to: "2024-07-22" }))).toContainEqual({
      path: "servicePeriod.to",
      message: "設置期間の開始日は終了日以前にしてください",
    });
  });

  it("rejects a closure that ends before it starts", () => {
    expect(issuesAfter((s) => s.closures.push({ from: "2024-09-02", to: "2024-09-01", reason: "研修" }))).toEqual([
      { path: "closures.1.to", message: "休止期間の開始日は終了日以前にしてください" },
    ]);
  });

  it("rejects closures and openings outside the service period", () => {
    expect(
      issuesAfter((s) => {
        s.closures.push({ from: "2024-07-20", to: "2024-07-23", reason: "準備" }, { from: "2025-03-30", to: "2025-04-02", reason: "撤収" });
        s.openings.push({ date: "2025-04-01", timeframes: [{ start: "20:00", end: "24:00" }], reason: "延長" });
      }),
    ).toEqual([
      { path: "closures.1.from", message: "休止期間の開始日は設置期間（2024-07-22〜2025-03-31）内の日付にしてください" },
      { path: "closures.2.to", message: "休止期間の終了日は設置期間（2024-07-22〜2025-03-31）内の日付にしてください" },
      { path: "openings.0.date", message: "臨時開設日は設置期間（2024-07-22〜2025-03-31）内の日付にしてください" },
    ]);
  });

  it("rejects two openings on the same date and an opening without timeframes", () => {
    const opening = { date: "2024-08-07", timeframes: [{ start: "20:00", end: "24:00" }], reason: "特別相談" };
    expect(issuesAfter((s) => s.openings.push(opening, { ...opening }))).toEqual([
      { path: "openings.1.date", message: "2024-08-07 の臨時開設が重複しています。1日にまとめてください" },
    ]);
    expect(issuesAfter((s) => s.openings.push({ ...opening, timeframes: [] }))).toEqual([
      { path: "openings.0.timeframes", message: "臨時開設の時間帯を1つ以上指定してください" },
    ]);
  });

  it("requires a reason for closures and openings", () => {
    expect(issuesAfter((s) => (s.closures[0] = { from: "2024-12-28", to: "2025-01-05", reason: "  " }))).toEqual([
      { path: "closures.0.reason", message: "理由を入力してください" },
    ]);
  });

  it("requires seven weekdays and the Asia/Tokyo zone", () => {
    expect(issuesAfter((s) => s.weekly.pop())).toEqual([
      { path: "weekly", message: "曜日ごとの時間帯は日曜日から土曜日までの7つを指定してください" },
    ]);
    expect(issuesAfter((s) => Object.assign(s, { timezone: "UTC" }))).toEqual([
      { path: "timezone", message: "タイムゾーンは Asia/Tokyo のみ対応しています" },
    ]);
  });

  it("answers structurally broken input in Japanese too", () => {
    const result = parseSchedule({ weekly: "土日" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => i.path)).toEqual(["timezone", "servicePeriod", "weekly", "holidays", "closures", "openings"]);
    for (const issue of result.issues) expect(issue.message).toMatch(/[ぁ-んァ-ン一-龠]/);
  });
});
