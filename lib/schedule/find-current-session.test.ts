import { describe, expect, it } from "vitest";
import { findCurrentSession, findNextOpening, formatOpeningLine, formatSessionJa, isStaffedAt, takeo2024Preset } from "./index";
import { august2024, jst } from "./testing/schedules";

// Saturday 22:00–24:00 runs on into Sunday 00:00–02:00; Sunday 20:00–22:00 and 22:00–23:00 touch.
const throughMidnight = august2024({
  weekly: [
    [
      { start: "20:00", end: "22:00" },
      { start: "00:00", end: "02:00" },
      { start: "22:00", end: "23:00" },
    ],
    [],
    [],
    [],
    [],
    [],
    [{ start: "22:00", end: "24:00" }],
  ],
});
const saturdayNight = { start: jst("2024-08-03T22:00:00"), end: jst("2024-08-04T02:00:00") };

describe("findCurrentSession", () => {
  it("is null outside staffed hours", () => {
    expect(findCurrentSession(takeo2024Preset, jst("2024-08-03T19:00:00"))).toBeNull();
    expect(findCurrentSession(takeo2024Preset, jst("2024-08-05T21:00:00"))).toBeNull();
  });

  it("merges timeframes that touch across midnight into one session", () => {
    expect(findCurrentSession(throughMidnight, jst("2024-08-03T23:00:00"))).toEqual(saturdayNight);
    expect(findCurrentSession(throughMidnight, jst("2024-08-04T01:00:00"))).toEqual(saturdayNight);
    expect(isStaffedAt(throughMidnight, jst("2024-08-04T00:00:00"))).toBe(true);
    expect(isStaffedAt(throughMidnight, jst("2024-08-04T02:00:00"))).toBe(false);
  });

  it("merges timeframes that touch within a day", () => {
    expect(findCurrentSession(throughMidnight, jst("2024-08-04T22:30:00"))).toEqual({
      start: jst("2024-08-04T20:00:00"),
      end: jst("2024-08-04T23:00:00"),
    });
  });

  it("does not report the after-midnight part of a session as a next opening", () => {
    expect(findNextOpening(throughMidnight, jst("2024-08-03T23:00:00"))).toEqual({
      start: jst("2024-08-04T20:00:00"),
      end: jst("2024-08-04T23:00:00"),
    });
  });

  it("formats a session that runs past midnight with its end day", () => {
    expect(formatOpeningLine(saturdayNight)).toBe("2024-08-03 22:00-2024-08-04 02:00");
    expect(formatSessionJa(saturdayNight, jst("2024-08-01T00:00:00"))).toBe("8月3日(土) 22:00〜8月4日(日) 2:00");
  });

  it("finds the start of a round-the-clock session days back, bounded by the service period", () => {
    const allDay = [{ start: "00:00", end: "24:00" }];
    const schedule = august2024({
      servicePeriod: { from: "2024-08-01", to: "2024-08-10" },
      weekly: [allDay, allDay, allDay, allDay, allDay, allDay, allDay],
    });
    expect(findCurrentSession(schedule, jst("2024-08-05T12:00:00"))).toEqual({
      start: jst("2024-08-01T00:00:00"),
      end: jst("2024-08-11T00:00:00"),
    });
    expect(isStaffedAt(schedule, jst("2024-08-11T00:00:00"))).toBe(false);
  });
});
