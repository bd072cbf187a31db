import { describe, expect, it } from "vitest";
import { csvSafeCell } from "./index";

describe("csvSafeCell", () => {
  it("keeps a cell that starts like a formula as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvSafeCell(`${start}1+1`)).toBe(`'${start}1+1`);
  });
  it("leaves other text as it is", () => {
    expect(csvSafeCell("相談 = 1")).toBe("相談 = 1");
    expect(csvSafeCell("")).toBe("");
  });
});
