import { describe, expect, it } from "vitest";
import { resolveDay, resolveMonth, takeo2024Preset } from "./index";

describe("resolveMonth", () => {
  it("gives every day of the month as resolveDay decides it, and where the grid starts", () => {
    const december = resolveMonth(takeo2024Preset, "2024-12");
    expect(december).toMatchObject({ year: 2024, month: 12, firstWeekday: 0, previous: "2024-11", next: "2025-01" });
    expect(december.days).toHaveLength(31);
    expect(december.days).toEqual(december.days.map((d) => resolveDay(takeo2024Preset, d.date)));
    expect(december.days[27]).toEqual({ date: "2024-12-28", rule: "closure", timeframes: [], reason: "年末年始" });
  });

  it("knows leap years, year boundaries and the days before the service period", () => {
    expect(resolveMonth(takeo2024Preset, "2024-02").days.at(-1)?.date).toBe("2024-02-29");
    expect(resolveMonth(takeo2024Preset, "2025-01")).toMatchObject({ firstWeekday: 3, previous: "2024-12", next: "2025-02" });
    const july = resolveMonth(takeo2024Preset, "2024-07").days;
    expect(july[20]).toMatchObject({ date: "2024-07-21", rule: "outside-period" });
    expect(july[21]).toMatchObject({ date: "2024-07-22", rule: "weekly" });
  });

  it("accepts only YYYY-MM", () => {
    expect(() => resolveMonth(takeo2024Preset, "2024-00")).toThrow();
  });
});
