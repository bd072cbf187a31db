import { describe, expect, it } from "vitest";
import { defaultMonth, resolveReportQuery } from "./build-report";
import { dayLabel, fiscalYearLabel } from "./period";

describe("report periods", () => {
  it("are labelled by the era and with holidays", () => {
    expect(fiscalYearLabel(2024)).toBe("2024年度（令和6年度）");
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
