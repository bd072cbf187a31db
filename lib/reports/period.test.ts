import { describe, expect, it } from "vitest";
import { defaultMonth, resolveReportQuery } from "./build-report";
import { dayLabel, fiscalYearLabel, fiscalYearOf, monthRange, monthsBetween, shiftMonth } from "./period";

describe("report periods", () => {
  it("are JST calendar months and April–March fiscal years", () => {
    expect(monthRange("2024-08")).toEqual({ from: "2024-08-01", to: "2024-08-31", start: new Date("2024-07-31T15:00:00Z"), end: new Date("2024-08-31T15:00:00Z") });
    expect(monthRange("2025-02").to).toBe("2025-02-28");
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(fiscalYearOf("2025-03-31")).toBe(2024);
    expect(fiscalYearOf("2025-04-01")).toBe(2025);
    expect(fiscalYearLabel(2024)).toBe("2024年度（令和6年度）");
    expect(monthsBetween("2024-07-22", "2025-03-31")).toHaveLength(9);
    expect(dayLabel("2024-08-12")).toBe("8月12日(月・祝)");
  });

  it("open on the month just ended, in JST, whose reports are due by the 10th", () => {
    // 2024-09-01 00:30 JST is still 08-31 in UTC.
    expect(defaultMonth(new Date("2024-08-31T15:30:00Z"))).toBe("2024-08");
    expect(resolveReportQuery({}, new Date("2024-09-05T00:00:00Z"))).toEqual({ kind: "monthly", period: "2024-08", format: "pdf" });
    expect(resolveReportQuery({ kind: "annual" }, new Date("2025-04-05T00:00:00Z"))).toEqual({ kind: "annual", period: 2024, format: "pdf" });
    expect(resolveReportQuery({ kind: "daily_log", period: "2024-13", format: "csv" }, new Date())).toBeNull();
    expect(resolveReportQuery({ kind: "annual", period: "2024-08" }, new Date())).toBeNull();
    expect(resolveReportQuery({ kind: "monthly", format: "docx" }, new Date())).toBeNull();
    expect(resolveReportQuery({ kind: "records" }, new Date())).toBeNull();
  });
});
