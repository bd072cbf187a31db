import { describe, expect, it } from "vitest";
import { findNextOpening, takeo2024Preset } from "./index";
import { formatNextOpeningJa } from "./testing/format-next-opening";
import { august2024, jst } from "./testing/schedules";

const evening = (date: string, next: string) => ({ start: jst(`${date}T20:00:00`), end: jst(`${next}T00:00:00`) });

describe("findNextOpening", () => {
  it("finds Saturday evening from a Friday night, and says so in Japanese", () => {
    const now = jst("2024-08-02T21:00:00");
    const next = findNextOpening(takeo2024Preset, now);
    expect(next).toEqual(evening("2024-08-03", "2024-08-04"));
    expect(formatNextOpeningJa(next!, now)).toContain("8月3日(土) 20:00〜24:00");
  });

  it.each(["2024-12-29T00:00:00", "2024-12-29T12:00:00", "2024-12-29T23:59:59"])(
    "jumps the 年末年始 closure from %s to Saturday 2025-01-11",
    (local) => {
      expect(findNextOpening(takeo2024Preset, jst(local))).toEqual(evening("2025-01-11", "2025-01-12"));
    },
  );

  it("inside a session gives the following one, or the current one when asked", () => {
    const now = jst("2024-08-03T21:00:00");
    expect(findNextOpening(takeo2024Preset, now)).toEqual(evening("2024-08-04", "2024-08-05"));
    expect(findNextOpening(takeo2024Preset, now, { includeCurrent: true })).toEqual(evening("2024-08-03", "2024-08-04"));
  });

  it("treats the opening instant itself as inside the session", () => {
    const now = jst("2024-08-03T20:00:00");
    expect(findNextOpening(takeo2024Preset, now)).toEqual(evening("2024-08-04", "2024-08-05"));
    expect(findNextOpening(takeo2024Preset, now, { includeCurrent: true })).toEqual(evening("2024-08-03", "2024-08-04"));
  });

  it("with includeCurrent outside staffed hours still gives the next session", () => {
    expect(findNextOpening(takeo2024Preset, jst("2024-08-03T19:59:59"), { includeCurrent: true })).toEqual(
      evening("2024-08-03", "2024-08-04"),
    );
  });

  it("before the service period gives its first session, 2024-07-27", () => {
    expect(findNextOpening(takeo2024Preset, jst("2024-06-01T12:00:00"))).toEqual(evening("2024-07-27", "2024-07-28"));
  });

  it.each(["2025-03-30T21:00:00", "2025-03-31T21:00:00", "2025-04-05T21:00:00", "2030-01-01T00:00:00"])(
    "is null once no session is left in the service period (%s)",
    (local) => {
      expect(findNextOpening(takeo2024Preset, jst(local))).toBeNull();
    },
  );

  it("terminates with null on a schedule that is never staffed", () => {
    expect(findNextOpening(august2024(), jst("2024-07-01T00:00:00"))).toBeNull();
  });
});
