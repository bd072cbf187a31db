import { describe, expect, it } from "vitest";
import { findCurrentSession, formatOpeningLine, isStaffedAt, listOpenings, parseSchedule, takeo2024Preset } from "./index";
import { jst } from "./testing/schedules";
import { takeo2024ExpectedLines, takeo2024StaffedDates } from "./testing/takeo-2024-expected";

describe("takeo-2024 preset", () => {
  it("is a valid schedule", () => {
    expect(parseSchedule(takeo2024Preset)).toEqual({ success: true, schedule: takeo2024Preset });
  });

  it("is staffed on exactly the evenings listed by hand from the Cabinet Office holiday table", () => {
    expect(takeo2024StaffedDates).toHaveLength(77);
    const lines = listOpenings(takeo2024Preset, jst("2024-07-01T00:00:00"), jst("2025-05-01T00:00:00")).map(formatOpeningLine);
    expect(lines).toEqual(takeo2024ExpectedLines);
  });

  it.each([
    ["2024-08-03T19:59:59", false],
    ["2024-08-03T20:00:00", true],
    ["2024-08-03T23:59:59", true],
    ["2024-08-03T23:59:59.999", true],
    ["2024-08-04T00:00:00", false],
    ["2024-08-12T21:00:00", true], // 振替休日 (Mon)
    ["2024-08-13T21:00:00", false], // ordinary Tuesday
    ["2024-11-23T21:00:00", true], // 勤労感謝の日 on a Saturday
    ["2024-12-22T21:00:00", true], // last Sunday before 年末年始
    ["2024-12-28T21:00:00", false],
    ["2024-12-29T21:00:00", false],
    ["2025-01-01T21:00:00", false], // 元日, inside the closure
    ["2025-01-04T21:00:00", false],
    ["2025-01-05T21:00:00", false],
    ["2025-01-11T21:00:00", true],
    ["2024-07-21T21:00:00", false], // the Sunday before the service starts
    ["2025-03-30T21:00:00", true], // the last Sunday of the period
    ["2025-04-05T21:00:00", false], // the first Saturday after it ends
  ])("isStaffedAt %s JST → %s", (local, expected) => {
    expect(isStaffedAt(takeo2024Preset, jst(local))).toBe(expected);
  });

  it("ends the evening session at midnight JST", () => {
    expect(findCurrentSession(takeo2024Preset, jst("2024-08-03T22:00:00"))).toEqual({
      start: jst("2024-08-03T20:00:00"),
      end: jst("2024-08-04T00:00:00"),
    });
  });
});
