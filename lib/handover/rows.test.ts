import { describe, expect, it } from "vitest";
import { toCell } from "./rows";

describe("handover CSV cells", () => {
  it("keeps a value Excel would run as a formula as text, with a leading quote", () => {
    for (const risky of ["=HYPERLINK(\"http://x\")", "+81 90", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(toCell(risky)).toBe(`'${risky}`);
    expect(toCell({ a: 1 })).toBe('{"a":1}');
    expect(toCell("相談 = 1")).toBe("相談 = 1");
    expect(toCell(null)).toBe("");
    expect(toCell(new Date("2025-04-01T00:00:00Z"))).toBe("2025-04-01T00:00:00.000Z");
  });
});
