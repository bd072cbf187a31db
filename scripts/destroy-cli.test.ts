import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { youths } from "@/db/schema";
import { appendAudit, readAuditHead } from "@/lib/audit";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// Child processes (tsx, migrations): slow on a loaded machine. The limit only stops a hung process.
vi.setConfig({ testTimeout: 240_000 });

// As an operator runs it: its own process over an embedded database in a fresh DATA_DIR.
let dataDir: string;
const key = randomBytes(32).toString("base64");
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-destroy-cli-"));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function destroy(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SOUDAN_ENCRYPTION_KEY: key, SOUDAN_MUNICIPALITY_NAME: "武雄市" };
  delete env.DATABASE_URL;
  delete env.SOUDAN_TIME_ORIGIN;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "destroy.ts"), ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

it("npm run destroy: refused while the app holds the database, then destroys with the dry run's code and leaves only the report", async () => {
  const app = await openDatabase({ kind: "pglite", dataDir, holder: "the Soudan app" });
  await app.migrate();
  await app.db.insert(youths).values({ lineUserHash: "h", lineUserIdEnc: "enc", pseudonym: "相談者A" });
  for (let i = 0; i < 2; i++) await appendAudit(app.db, { action: "report.exported", actorLabel: "test", target: `report:${i}` });
  const head = await readAuditHead(app.db);

  const busy = await destroy("--dry-run");
  expect(busy.code).toBe(2);
  expect(busy.stderr).toContain("the Soudan app");
  await app.close();

  const dry = await destroy("--dry-run");
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout).toMatch(/youths\s+1/);
  expect(dry.stdout).toContain("No handover export is recorded");
  const code = /Confirmation code: (\S+)/.exec(dry.stdout)?.[1];
  expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  expect(fs.readdirSync(dataDir)).toContain("pgdata");

  const wrong = await destroy("--confirm", "0000-0000");
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain("nothing deleted");

  const done = await destroy("--confirm", code!, "--contract", "青少年LINE相談業務", "--operator", "株式会社そうだん");
  expect(done.code, done.stderr).toBe(0);
  expect(fs.readdirSync(dataDir).sort()).toEqual(["destruction-report.pdf", "destruction-summary.json"]);
  const summary = JSON.parse(fs.readFileSync(path.join(dataDir, "destruction-summary.json"), "utf8")) as { destroyed: Record<string, number>; auditHead: unknown };
  expect(summary.destroyed).toMatchObject({ youths: 1, audit_log: 2 });
  expect(summary.auditHead).toEqual(head);
  const text = execFileSync("pdftotext", ["-layout", path.join(dataDir, "destruction-report.pdf"), "-"], { encoding: "utf8" });
  expect(text).toContain("廃棄報告書");
  expect(text).toContain("株式会社そうだん");
  expect(text.replace(/\s/g, "")).toContain(head.hash);
});
