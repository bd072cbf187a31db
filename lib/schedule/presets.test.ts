import { describe, expect, it } from "vitest";
import { buildFiscalYearPreset, parseSchedule, takeo2024Preset } from "./index";

describe("buildFiscalYearPreset", () => {
  it("spans April 1 to March 31 with that year's 年末年始 closure", () => {
    const preset = buildFiscalYearPreset(2025);
    expect(preset.servicePeriod).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(preset.closures).toEqual([{ from: "2025-12-28", to: "2026-01-05", reason: "年末年始" }]);
    expect(parseSchedule(preset)).toEqual({ success: true, schedule: preset });
  });

  it("has the same rules as the customer's schedule, over a different period", () => {
    expect({ ...buildFiscalYearPreset(2024), servicePeriod: takeo2024Preset.servicePeriod }).toEqual(takeo2024Preset);
  });

  it("returns independent copies", () => {
    const first = buildFiscalYearPreset(2024);
    first.weekly[6].push({ start: "10:00", end: "12:00" });
    expect(buildFiscalYearPreset(2024).weekly[6]).toEqual([{ start: "20:00", end: "24:00" }]);
  });

  it.each([2024.5, 1969, 2050, Number.NaN])("rejects %s, outside the holiday table or not a year", (year) => {
    expect(() => buildFiscalYearPreset(year)).toThrow(RangeError);
  });
});
