import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const script = fileURLToPath(new URL("./risk.ts", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// Each test starts the CLI as a child process (tsx, migrations, seeds): seconds on a quiet machine,
// far more on a loaded one. The limit only stops a hung process; it measures nothing.
vi.setConfig({ testTimeout: 180_000 });

// As operators run it: its own process, an embedded database in a fresh directory, seeded with
// lexicon version 1 on open. Always PGlite; lib/risk's store tests run on both drivers.
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-risk-cli-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete e.DATABASE_URL;
  delete e.SOUDAN_TIME_ORIGIN;
  return e;
}

async function risk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { cwd: projectRoot, env: env() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function riskWithStdin(input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, "assess", "-"], { cwd: projectRoot, env: env() });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
    child.stdin.end(input);
  });
}

describe("npm run risk", () => {
  it("assesses one text with the stored lexicon and prints exactly one JSON line", async () => {
    const result = await risk("assess", "もう ｼﾆﾀｲ");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify({ level: "high", matched: ["死にたい"], lexiconVersion: 1 })}\n`);
  });

  it("reads one text per line from stdin and answers each on its own line", async () => {
    const result = await riskWithStdin("父に殴られた\n死ぬほど笑った\nリスカしちゃった\n");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n").map((line) => JSON.parse(line) as unknown)).toEqual([
      { level: "concern", matched: ["殴られ"], lexiconVersion: 1 },
      { level: "none", matched: [], lexiconVersion: 1 },
      { level: "high", matched: ["リスカ"], lexiconVersion: 1 },
    ]);
  });

  it("shows the usage for a wrong call, with exit code 2", async () => {
    const result = await risk("judge", "x");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^unknown command "judge"\nusage: npm run risk -- assess/);
  });
});
