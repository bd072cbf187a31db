import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { takeo2024ExpectedLines } from "@/lib/schedule/testing/takeo-2024-expected";

const script = fileURLToPath(new URL("./schedule.ts", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// Each test starts the CLI as a child process (tsx, migrations, seeds): seconds on a quiet machine,
// far more on a loaded one. The limit only stops a hung process; it measures nothing.
vi.setConfig({ testTimeout: 180_000 });

// The CLI runs as operators run it, in its own process, against an embedded database in a fresh
// directory. Always PGlite, even under SOUDAN_TEST_DATABASE=postgres: the drivers share the store
// code, which lib/schedule/store's tests run on both.
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-schedule-cli-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function schedule(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // A shifted clock announces itself on stderr, which these tests read.
  delete env.SOUDAN_TIME_ORIGIN;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The tests share one data directory and run in order: empty, then loaded, then replaced.
describe("npm run schedule", () => {
  it("tells the operator to load a preset when no schedule is configured", async () => {
    const result = await schedule("openings", "--from", "2024-07-22", "--to", "2025-03-31");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain("No schedule is configured yet. Load one first: npm run schedule -- preset takeo-2024");
  });

  it("loads the takeo-2024 preset and lists exactly the 77 hand-written evenings of its period", async () => {
    expect(await schedule("preset", "takeo-2024")).toMatchObject({ code: 0, stdout: "Loaded preset takeo-2024 as schedule version 1.\n" });

    const result = await schedule("openings", "--from", "2024-07-22", "--to", "2025-03-31");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${takeo2024ExpectedLines.join("\n")}\n`);
    expect(takeo2024ExpectedLines).toHaveLength(77);
  });

  it("counts --from and --to as whole days in Japan", async () => {
    const result = await schedule("openings", "--from", "2024-08-11", "--to", "2024-08-12");
    expect(result.stdout).toBe("2024-08-11 20:00-24:00\n2024-08-12 20:00-24:00\n");
  });

  it("refuses an impossible date with one line and exit code 2", async () => {
    const result = await schedule("openings", "--from", "2024-13-01", "--to", "2025-03-31");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr.trim()).toBe('--from "2024-13-01" is not a real date; write it as YYYY-MM-DD, e.g. 2024-07-22');
  });

  it("shows the usage for an unknown command", async () => {
    const result = await schedule("delete");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^unknown command "delete"\nusage: npm run schedule -- preset takeo-2024\n/);
  });

  it("saves a fiscal-year preset as the next version, which show prints", async () => {
    expect(await schedule("preset", "fiscal-year", "--year", "2026")).toMatchObject({ code: 0, stdout: "Loaded preset fiscal-year 2026 as schedule version 2.\n" });

    const shown = await schedule("show");
    expect(JSON.parse(shown.stdout)).toMatchObject({
      version: 2,
      note: "preset fiscal-year 2026",
      schedule: { servicePeriod: { from: "2026-04-01", to: "2027-03-31" }, closures: [{ from: "2026-12-28", to: "2027-01-05" }] },
    });
  });

  it("lists the openings of the newest version only", async () => {
    // 2024's evenings are outside the new service period; 2026-04-04 is its first Saturday.
    expect((await schedule("openings", "--from", "2024-07-22", "--to", "2025-03-31")).stdout).toBe("");
    expect((await schedule("openings", "--from", "2026-04-01", "--to", "2026-04-05")).stdout).toBe("2026-04-04 20:00-24:00\n2026-04-05 20:00-24:00\n");
  });
});
