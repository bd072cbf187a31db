import { describe, expect, it } from "vitest";
import { listOpenings, takeo2024Preset } from "./index";
import { jst } from "./testing/schedules";

const evening = (date: string, next: string) => ({ start: jst(`${date}T20:00:00`), end: jst(`${next}T00:00:00`) });

describe("listOpenings", () => {
  it("returns whole sessions overlapping the range, in order", () => {
    expect(listOpenings(takeo2024Preset, jst("2024-08-03T21:00:00"), jst("2024-08-04T21:00:00"))).toEqual([
      evening("2024-08-03", "2024-08-04"),
      evening("2024-08-04", "2024-08-05"),
    ]);
  });

  it("treats the range as half-open: a session starting at `to` or ending at `from` is out", () => {
    expect(listOpenings(takeo2024Preset, jst("2024-08-04T00:00:00"), jst("2024-08-04T20:00:00"))).toEqual([]);
    expect(listOpenings(takeo2024Preset, jst("2024-08-03T23:59:59"), jst("2024-08-04T20:00:01"))).toEqual([
      evening("2024-08-03", "2024-08-04"),
      evening("2024-08-04", "2024-08-05"),
    ]);
  });

  it("is empty for an empty or reversed range, even inside a session", () => {
    const inside = jst("2024-08-03T21:00:00");
    expect(listOpenings(takeo2024Preset, inside, inside)).toEqual([]);
    expect(listOpenings(takeo2024Preset, inside, jst("2024-08-03T20:30:00"))).toEqual([]);
  });

  it("is empty across the 年末年始 closure", () => {
    expect(listOpenings(takeo2024Preset, jst("2024-12-23T00:00:00"), jst("2025-01-11T00:00:00"))).toEqual([]);
  });
});
