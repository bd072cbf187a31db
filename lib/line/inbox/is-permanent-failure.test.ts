import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isPermanentFailure } from "./is-permanent-failure";

const pgError = (code: string) => Object.assign(new Error("db"), { code });

describe("isPermanentFailure", () => {
  it("blames the event for bad data, however deeply the driver wraps it", () => {
    expect(isPermanentFailure(z.object({ a: z.string() }).safeParse({}).error)).toBe(true);
    expect(isPermanentFailure(new RangeError("Invalid time value"))).toBe(true);
    expect(isPermanentFailure(pgError("22021"))).toBe(true);
    expect(isPermanentFailure(pgError("22008"))).toBe(true);
    expect(isPermanentFailure(new Error("Failed query: insert …", { cause: pgError("23505") }))).toBe(true);
  });

  it("blames the moment for everything else, so it is retried", () => {
    expect(isPermanentFailure(pgError("40P01"))).toBe(false);
    expect(isPermanentFailure(pgError("23514"))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isPermanentFailure(new TypeError("Cannot read properties of undefined (reading 'write')"))).toBe(false);
    expect(isPermanentFailure("a string")).toBe(false);
  });
});
