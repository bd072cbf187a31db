import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { appendAudit } from "@/lib/audit";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// Child processes (tsx, migrations, seeds): slow on a loaded machine. The limit only stops a hung process.
vi.setConfig({ testTimeout: 240_000 });

// As an operator runs them: their own processes over an embedded database in a fresh DATA_DIR.
let dataDir: string;
const key = randomBytes(32).toString("base64");
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-audit-cli-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function run(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SOUDAN_ENCRYPTION_KEY: key };
  delete env.DATABASE_URL;
  delete env.SOUDAN_TIME_ORIGIN;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", script), ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function withDatabase(work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<void>) {
  const database = await openDatabase({ kind: "pglite", dataDir, holder: "the audit CLI test" });
  try {
    await database.migrate();
    await work(database.db);
  } finally {
    await database.close();
  }
}

it("npm run audit:checkpoint anchors the head, and audit:verify then fails once the newest row is deleted", async () => {
  await withDatabase(async (db) => {
    for (let i = 0; i < 3; i++) await appendAudit(db, { action: "report.exported", actorLabel: "command line", target: `report:${i}` });
  });
  const written = await run("audit-checkpoint.ts");
  expect(written.code).toBe(0);
  const line = fs.readFileSync(path.join(dataDir, "audit-checkpoints"), "utf8").trim();
  expect(JSON.parse(line)).toMatchObject({ seq: 3 });
  expect(written.stdout).toContain(line);

  const intact = await run("audit-verify.ts");
  expect(intact).toMatchObject({ code: 0 });
  expect(intact.stdout).toMatch(/Audit log intact: 3 rows verified, and it reaches every one of the 1 checkpoints/);

  await withDatabase(async (db) => {
    await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await db.execute(sql`delete from audit_log where seq = 3`);
  });
  const damaged = await run("audit-verify.ts", "--checkpoint", path.join(dataDir, "audit-checkpoints"));
  expect(damaged.code).toBe(1);
  expect(damaged.stderr).toMatch(/row 3 is missing \(the log ends at row 2\), but the checkpoint of .* saw 3 rows\. Rows were deleted\./);
});
