import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const script = fileURLToPath(new URL("./retention.ts", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// A child process per test (tsx, migrations, seeds): the limit only stops a hung process.
vi.setConfig({ testTimeout: 180_000 });

// As operators run it, on an embedded database in a fresh directory; lib/retention's tests cover what it erases on both drivers.
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-retention-cli-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function retention(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SOUDAN_RETENTION_CONTENT_MONTHS: "6" };
  delete env.DATABASE_URL;
  delete env.SOUDAN_TIME_ORIGIN;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run retention", () => {
  it("purges now and prints the count of every kind, or what a dry run would purge", async () => {
    const dry = await retention("purge", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Would purge \(LINE payloads settled before \d{4}-.*content of consultations closed before/);
    expect(dry.stdout).toMatch(/inboxPayloads +0\n/);
    expect(dry.stdout).toMatch(/emergencyContacts +0\n/);
    const real = await retention("purge");
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^Purged /);
    expect(real.stdout).toMatch(/messages +0\n/);
  });

  it("prints the periods in force", async () => {
    const { code, stdout } = await retention("settings");
    expect(code).toBe(0);
    expect(stdout).toContain("LINE payloads: 7 days");
    expect(stdout).toContain("Consultation content: 6 months");
  });

  it("refuses an unknown command with its usage", async () => {
    const { code, stderr } = await retention("erase-all");
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "erase-all"');
    expect(stderr).toContain("usage: npm run retention -- purge [--dry-run]");
  });
});
