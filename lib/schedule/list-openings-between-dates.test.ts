import { describe, expect, it } from "vitest";
import { formatOpeningLine, listOpeningsBetweenDates, takeo2024Preset } from "./index";
import { august2024 } from "./testing/schedules";

const lines = (...args: Parameters<typeof listOpeningsBetweenDates>) => listOpeningsBetweenDates(...args).map(formatOpeningLine);

describe("listOpeningsBetweenDates", () => {
  it("includes both the first and the last day, up to 24:00 of the last", () => {
    expect(lines(takeo2024Preset, "2024-08-03", "2024-08-04")).toEqual(["2024-08-03 20:00-24:00", "2024-08-04 20:00-24:00"]);
    expect(lines(takeo2024Preset, "2024-08-10", "2024-08-10")).toEqual(["2024-08-10 20:00-24:00"]);
  });

  it("includes a session that began the evening before and is still under way at 00:00 of the first day", () => {
    const overnight = august2024({ weekly: [[], [], [], [], [], [{ start: "22:00", end: "24:00" }], [{ start: "00:00", end: "02:00" }]] });
    // 2024-08-02 is a Friday: its 22:00 session runs on to Saturday 02:00.
    expect(lines(overnight, "2024-08-03", "2024-08-03")).toEqual(["2024-08-02 22:00-2024-08-03 02:00"]);
  });

  it("is empty when the last day is before the first", () => {
    expect(lines(takeo2024Preset, "2024-08-04", "2024-08-03")).toEqual([]);
  });
});
