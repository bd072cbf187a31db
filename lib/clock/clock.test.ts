import { spawnSync } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { fromRealTime, now, setClockForTests } from "./index";

afterEach(() => setClockForTests(null));

it("starts at SOUDAN_TIME_ORIGIN, runs forward in real time, and says so loudly", () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "-e", `import { now } from "./lib/clock/index.ts"; console.log(now().toISOString());`], {
    env: { ...process.env, SOUDAN_TIME_ORIGIN: "2024-08-02T21:00:00+09:00" },
    encoding: "utf8",
  });
  const printed = Date.parse(child.stdout.trim());
  expect(printed).toBeGreaterThanOrEqual(Date.parse("2024-08-02T12:00:00Z"));
  expect(printed).toBeLessThan(Date.parse("2024-08-02T12:00:30Z"));
  expect(child.stderr).toContain("SOUDAN_TIME_ORIGIN=2024-08-02T21:00:00+09:00: the clock is shifted");
});

it("moves LINE's real timestamps onto the shifted clock", () => {
  setClockForTests(new Date("2024-08-03T11:30:00Z"));
  const real = Date.now();
  expect(Math.abs(fromRealTime(real).getTime() - now().getTime())).toBeLessThan(1000);
});
