import { describe, expect, it } from "vitest";
import { formatOpeningLine, formatSessionJa } from "./index";
import { formatNextOpeningJa } from "./testing/format-next-opening";
import { jst } from "./testing/schedules";

const session = (start: string, end: string) => ({ start: jst(start), end: jst(end) });
const saturdayEvening = session("2024-08-03T20:00:00", "2024-08-04T00:00:00");

describe("formatSessionJa", () => {
  it("names the day, weekday and hours, with 24:00 for midnight", () => {
    expect(formatSessionJa(saturdayEvening, jst("2024-08-02T21:00:00"))).toBe("8月3日(土) 20:00〜24:00");
  });

  it.each([
    ["2024-08-04", "日"],
    ["2024-08-05", "月"],
    ["2024-08-06", "火"],
    ["2024-08-07", "水"],
    ["2024-08-08", "木"],
    ["2024-08-09", "金"],
    ["2024-08-10", "土"],
  ])("writes the weekday of %s as %s", (date, weekday) => {
    expect(formatSessionJa(session(`${date}T09:00:00`, `${date}T12:30:00`), jst("2024-08-01T00:00:00"))).toBe(
      `8月${Number(date.slice(-2))}日(${weekday}) 9:00〜12:30`,
    );
  });

  it("adds the year only when it differs from the reference's year in JST", () => {
    const january = session("2025-01-11T20:00:00", "2025-01-12T00:00:00");
    expect(formatSessionJa(january, jst("2024-12-29T12:00:00"))).toBe("2025年1月11日(土) 20:00〜24:00");
    expect(formatSessionJa(january, jst("2025-01-06T12:00:00"))).toBe("1月11日(土) 20:00〜24:00");
    // 2024-12-31T16:30Z is already 2025-01-01 in Japan.
    expect(formatSessionJa(january, new Date("2024-12-31T16:30:00Z"))).toBe("1月11日(土) 20:00〜24:00");
  });
});

describe("formatNextOpeningJa", () => {
  it("writes the auto-reply sentence", () => {
    expect(formatNextOpeningJa(saturdayEvening, jst("2024-08-02T21:00:00"))).toBe("次の相談時間は 8月3日(土) 20:00〜24:00 です");
  });
});

describe("formatOpeningLine", () => {
  it("prints the JST date and hours, with 24:00 for midnight", () => {
    expect(formatOpeningLine(saturdayEvening)).toBe("2024-08-03 20:00-24:00");
  });

  it("uses the JST date even when the UTC date differs", () => {
    expect(formatOpeningLine(session("2024-08-03T08:00:00", "2024-08-03T09:30:00"))).toBe("2024-08-03 08:00-09:30");
  });
});
