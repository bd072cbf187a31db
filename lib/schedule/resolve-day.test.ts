import { describe, expect, it } from "vitest";
import { isStaffedAt, listOpenings, resolveDay, takeo2024Preset } from "./index";
import { august2024, jst } from "./testing/schedules";

const evening = [{ start: "20:00", end: "24:00" }];
const morning = [{ start: "10:00", end: "12:00" }];

describe("resolveDay", () => {
  it("uses the weekday's timeframes on an ordinary day", () => {
    expect(resolveDay(takeo2024Preset, "2024-08-03")).toEqual({ date: "2024-08-03", rule: "weekly", timeframes: evening, reason: null });
    expect(resolveDay(takeo2024Preset, "2024-08-05")).toEqual({ date: "2024-08-05", rule: "weekly", timeframes: [], reason: null });
  });

  it("uses the holiday timeframes on national holidays, 振替休日 included", () => {
    expect(resolveDay(takeo2024Preset, "2024-08-12")).toEqual({ date: "2024-08-12", rule: "holiday", timeframes: evening, reason: "山の日 振替休日" });
  });

  it("puts the holiday rule before the weekday's, even on a weekend", () => {
    const schedule = august2024({ weekly: [evening, [], [], [], [], [], []], holidays: { enabled: true, timeframes: morning } });
    expect(resolveDay(schedule, "2024-08-11")).toMatchObject({ rule: "holiday", timeframes: morning, reason: "山の日" });
    expect(resolveDay(schedule, "2024-08-18")).toMatchObject({ rule: "weekly", timeframes: evening });
  });

  it("treats holidays as ordinary weekdays when the holiday rule is disabled", () => {
    const schedule = august2024({ weekly: [evening, [], [], [], [], [], []], holidays: { enabled: false, timeframes: morning } });
    expect(resolveDay(schedule, "2024-08-11")).toMatchObject({ rule: "weekly", timeframes: evening });
    expect(resolveDay(schedule, "2024-08-12")).toMatchObject({ rule: "weekly", timeframes: [] });
  });

  it("closes holidays inside a closure (元日 in 年末年始)", () => {
    expect(resolveDay(takeo2024Preset, "2025-01-01")).toEqual({ date: "2025-01-01", rule: "closure", timeframes: [], reason: "年末年始" });
  });

  it("lets a dated opening override a closure on its date", () => {
    const schedule = {
      ...takeo2024Preset,
      openings: [{ date: "2024-12-31", timeframes: [{ start: "18:00", end: "22:00" }], reason: "年末特別相談" }],
    };
    expect(resolveDay(schedule, "2024-12-31")).toMatchObject({ rule: "opening", reason: "年末特別相談" });
    expect(listOpenings(schedule, jst("2024-12-28T00:00:00"), jst("2025-01-06T00:00:00"))).toEqual([
      { start: jst("2024-12-31T18:00:00"), end: jst("2024-12-31T22:00:00") },
    ]);
  });

  it("lets a dated opening replace a weekday's hours or add a day", () => {
    const schedule = august2024({
      weekly: [[], [], [], [], [], [], evening],
      openings: [
        { date: "2024-08-07", timeframes: morning, reason: "夏休み特別相談" },
        { date: "2024-08-10", timeframes: morning, reason: "花火大会のため時間変更" },
      ],
    });
    expect(listOpenings(schedule, jst("2024-08-05T00:00:00"), jst("2024-08-12T00:00:00"))).toEqual([
      { start: jst("2024-08-07T10:00:00"), end: jst("2024-08-07T12:00:00") },
      { start: jst("2024-08-10T10:00:00"), end: jst("2024-08-10T12:00:00") },
    ]);
  });

  it("closes a one-day closure and only that day", () => {
    const schedule = { ...takeo2024Preset, closures: [{ from: "2024-08-10", to: "2024-08-10", reason: "研修" }] };
    expect(resolveDay(schedule, "2024-08-10")).toMatchObject({ rule: "closure", reason: "研修" });
    expect(isStaffedAt(schedule, jst("2024-08-10T21:00:00"))).toBe(false);
    expect(isStaffedAt(schedule, jst("2024-08-11T21:00:00"))).toBe(true);
    expect(isStaffedAt(schedule, jst("2024-08-04T21:00:00"))).toBe(true);
  });

  it("has no hours outside the service period, openings or not", () => {
    expect(resolveDay(takeo2024Preset, "2024-07-21")).toEqual({ date: "2024-07-21", rule: "outside-period", timeframes: [], reason: null });
    expect(resolveDay(takeo2024Preset, "2025-04-01")).toMatchObject({ rule: "outside-period" });
  });

  it("supports several timeframes on one weekday, in time order whatever the data order", () => {
    const wednesday = [
      { start: "13:00", end: "17:00" },
      { start: "09:00", end: "12:00" },
    ];
    const schedule = august2024({ weekly: [[], [], [], wednesday, [], [], []] });
    expect(listOpenings(schedule, jst("2024-08-07T00:00:00"), jst("2024-08-08T00:00:00"))).toEqual([
      { start: jst("2024-08-07T09:00:00"), end: jst("2024-08-07T12:00:00") },
      { start: jst("2024-08-07T13:00:00"), end: jst("2024-08-07T17:00:00") },
    ]);
    expect(isStaffedAt(schedule, jst("2024-08-07T12:30:00"))).toBe(false);
    expect(isStaffedAt(schedule, jst("2024-08-07T13:00:00"))).toBe(true);
  });
});
