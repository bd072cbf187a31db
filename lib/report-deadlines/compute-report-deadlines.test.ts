import { describe, expect, it } from "vitest";
import { computeReportDeadlines } from "./compute-report-deadlines";

const annual = (from: string, to: string) => computeReportDeadlines({ from, to }).filter((d) => d.kind === "annual_report");
const monthly = (from: string, to: string) => computeReportDeadlines({ from, to }).filter((d) => d.kind === "monthly_report");

describe("report deadlines (R18, R19)", () => {
  it("asks for the three monthly reports by the 10th of the next month, for every month the service touches", () => {
    const takeo = computeReportDeadlines({ from: "2024-07-22", to: "2025-03-31" });
    expect(takeo.filter((d) => d.period === "2024-07").map((d) => [d.kind, d.dueDate])).toEqual([
      ["monthly_report", "2024-08-10"],
      ["daily_log", "2024-08-10"],
      ["monthly_reception", "2024-08-10"],
    ]);
    expect(monthly("2024-07-22", "2025-03-31").map((d) => d.period)).toEqual([
      "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03",
    ]);
    expect(takeo).toHaveLength(9 * 3 + 2);
  });

  it("covers only the service's days of a partial month, and crosses month and year ends", () => {
    const [july] = monthly("2024-07-22", "2025-03-31");
    expect(july?.covers).toEqual({ from: "2024-07-22", to: "2024-07-31" });
    const byPeriod = Object.fromEntries(monthly("2024-01-15", "2025-02-10").map((d) => [d.period, d]));
    expect(byPeriod["2024-01"]?.covers).toEqual({ from: "2024-01-15", to: "2024-01-31" });
    expect(byPeriod["2024-02"]?.covers).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(byPeriod["2024-12"]?.dueDate).toBe("2025-01-10");
    expect(byPeriod["2025-02"]).toMatchObject({ dueDate: "2025-03-10", covers: { from: "2025-02-01", to: "2025-02-10" } });
  });

  it("asks for the annual reports by the earlier of 30 days after the end and 4/10", () => {
    expect(annual("2024-07-22", "2025-03-31").map((d) => [d.period, d.dueDate])).toEqual([["2024", "2025-04-10"]]);
    expect(annual("2024-07-22", "2025-01-15").map((d) => [d.period, d.dueDate])).toEqual([["2024", "2025-02-14"]]);
    // 30 days after 3/11 is 4/10 exactly; after 3/12 it would be 4/11, so 4/10 wins.
    expect(annual("2024-04-01", "2025-03-11")[0]?.dueDate).toBe("2025-04-10");
    expect(annual("2024-04-01", "2025-03-12")[0]?.dueDate).toBe("2025-04-10");
    expect(annual("2024-04-01", "2025-03-10")[0]?.dueDate).toBe("2025-04-09");
    // Across a leap day and across a year end.
    expect(annual("2023-04-01", "2024-02-29")[0]?.dueDate).toBe("2024-03-30");
    expect(annual("2024-04-01", "2024-12-15")[0]?.dueDate).toBe("2025-01-14");
  });

  it("asks for annual reports per fiscal year when the service spans two", () => {
    expect(annual("2024-07-22", "2025-09-30").map((d) => [d.period, d.covers, d.dueDate])).toEqual([
      ["2024", { from: "2024-07-22", to: "2025-03-31" }, "2025-04-10"],
      ["2025", { from: "2025-04-01", to: "2025-09-30" }, "2025-10-30"],
    ]);
  });
});
