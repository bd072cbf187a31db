import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { takeo2024ExpectedLines } from "./testing/takeo-2024-expected";

const script = fileURLToPath(new URL("./testing/print-takeo-2024.ts", import.meta.url));

async function runIn(timeZone: string) {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, TZ: timeZone },
  });
  return JSON.parse(stdout) as { utcOffsetMinutes: number; openings: string[]; staffed: string[]; next: string | null };
}

describe("answers do not depend on the server's time zone", () => {
  it("gives identical answers under TZ=Asia/Tokyo, UTC and America/Los_Angeles", async () => {
    const results = await Promise.all(["Asia/Tokyo", "UTC", "America/Los_Angeles"].map(runIn));

    // The children really ran in different zones (Los Angeles is on PDT in August)…
    expect(results.map((r) => r.utcOffsetMinutes)).toEqual([-540, 0, 420]);
    // …and all three gave the hand-written answers.
    const expected = {
      openings: takeo2024ExpectedLines,
      staffed: [
        "2024-08-12T19:59:59+09:00 false",
        "2024-08-12T20:00:00+09:00 true",
        "2024-08-12T23:59:59+09:00 true",
        "2024-08-13T00:00:00+09:00 false",
        "2025-01-01T21:00:00+09:00 false",
      ],
      next: "次の相談時間は 2025年1月11日(土) 20:00〜24:00 です",
    };
    expect(results.map(({ openings, staffed, next }) => ({ openings, staffed, next }))).toEqual([expected, expected, expected]);
  });
});
