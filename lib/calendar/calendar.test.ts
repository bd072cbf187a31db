import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  calendarDateOf,
  calendarMonthSchema,
  clockOf,
  dateRange,
  datesBetween,
  daysBetween,
  fiscalYearDates,
  fiscalYearOf,
  instantAt,
  isEndOfDay,
  lastDayOfMonth,
  monthOf,
  monthRange,
  monthsBetween,
  shiftMonth,
  weekdayOf,
} from "./index";

describe("days in Japan", () => {
  it("take the JST date of an instant, not the UTC one", () => {
    // 2024-09-01 00:30 JST is still 08-31 in UTC; 08-31 23:59 JST is already 08-31 14:59 UTC.
    expect(calendarDateOf(new Date("2024-08-31T15:30:00Z"))).toBe("2024-09-01");
    expect(calendarDateOf(new Date("2024-08-31T14:59:59Z"))).toBe("2024-08-31");
    expect(clockOf(new Date("2024-08-31T15:30:00Z"), "HH:mm")).toBe("00:30");
  });

  it("start at JST midnight, and 1440 minutes is the midnight that ends the day", () => {
    expect(instantAt("2024-08-12", 0)).toEqual(new Date("2024-08-11T15:00:00Z"));
    expect(instantAt("2024-08-12", 20 * 60)).toEqual(new Date("2024-08-12T11:00:00Z"));
    expect(instantAt("2024-08-12", 1440)).toEqual(instantAt("2024-08-13", 0));
    expect(isEndOfDay("2024-08-12", new Date("2024-08-12T15:00:00Z"))).toBe(true);
    expect(isEndOfDay("2024-08-13", new Date("2024-08-12T15:00:00Z"))).toBe(false);
  });

  it("count across months, years and leap days", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addCalendarDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addCalendarDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addCalendarDays("2025-03-02", 30)).toBe("2025-04-01");
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2025-02-01", "2025-03-01")).toBe(28);
    expect(daysBetween("2025-01-10", "2025-01-01")).toBe(-9);
    expect(datesBetween("2024-02-27", "2024-03-01")).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(weekdayOf("2024-08-12")).toBe(1);
    expect(weekdayOf("2024-02-29")).toBe(4);
  });
});

describe("months", () => {
  it("are JST calendar months", () => {
    expect(monthRange("2024-08")).toEqual({ from: "2024-08-01", to: "2024-08-31", start: new Date("2024-07-31T15:00:00Z"), end: new Date("2024-08-31T15:00:00Z") });
    expect(monthRange("2024-12").end).toEqual(new Date("2024-12-31T15:00:00Z"));
    expect(dateRange("2024-08-12", "2024-08-12")).toEqual({ from: "2024-08-12", to: "2024-08-12", start: new Date("2024-08-11T15:00:00Z"), end: new Date("2024-08-12T15:00:00Z") });
    expect(monthOf(calendarDateOf(new Date("2024-08-31T15:30:00Z")))).toBe("2024-09");
  });

  it("end on the right day, leap years included", () => {
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2025-02")).toBe("2025-02-28");
    expect(lastDayOfMonth("2000-02")).toBe("2000-02-29");
    expect(lastDayOfMonth("2100-02")).toBe("2100-02-28");
    expect(lastDayOfMonth("2024-04")).toBe("2024-04-30");
    expect(monthRange("2025-02").to).toBe("2025-02-28");
  });

  it("shift over year ends", () => {
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(shiftMonth("2024-03", -15)).toBe("2022-12");
    expect(monthsBetween("2024-07-22", "2025-03-31")).toHaveLength(9);
    expect(monthsBetween("2024-12-31", "2025-01-01")).toEqual(["2024-12", "2025-01"]);
  });

  it("are written YYYY-MM", () => {
    expect(calendarMonthSchema.safeParse("2024-12").success).toBe(true);
    for (const bad of ["2024-13", "2024-1", "202412", "2024-12-01", ""]) expect(calendarMonthSchema.safeParse(bad).success, bad).toBe(false);
    expect(() => shiftMonth("2024-13", 1)).toThrow();
  });
});

describe("fiscal years", () => {
  it("count from April", () => {
    expect(fiscalYearOf("2025-03-31")).toBe(2024);
    expect(fiscalYearOf("2025-04-01")).toBe(2025);
    expect(fiscalYearOf("2024-01-01")).toBe(2023);
    expect(fiscalYearOf("2024-12-31")).toBe(2024);
    expect(fiscalYearDates(2024)).toEqual({ from: "2024-04-01", to: "2025-03-31" });
  });

  it("take an instant's JST date: 2025-04-01 00:30 JST is fiscal 2025 though UTC still says March", () => {
    expect(fiscalYearOf(calendarDateOf(new Date("2025-03-31T15:30:00Z")))).toBe(2025);
    expect(fiscalYearOf(calendarDateOf(new Date("2025-03-31T14:59:59Z")))).toBe(2024);
  });
});
