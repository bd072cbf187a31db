import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { listAudit, verifyAuditChain } from "@/lib/audit";
import { createKeyring } from "@/lib/crypto";
import { youthWrites } from "@/lib/consultations/testing/console-fixture";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// Child processes (tsx, migrations): slow on a loaded machine. The limit only stops a hung process.
vi.setConfig({ testTimeout: 300_000 });

// As an operator runs it: its own processes over embedded databases, the old operator's and the next one's.
let work: string;
const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-handover-cli-"));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

async function run(dataDir: string, key: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SOUDAN_ENCRYPTION_KEY: key };
  delete env.DATABASE_URL;
  delete env.SOUDAN_TIME_ORIGIN;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "handover.ts"), ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function withDatabase<T>(dataDir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: "pglite", dataDir, holder: "the handover CLI test" });
  try {
    await database.migrate();
    return await work(database.db);
  } finally {
    await database.close();
  }
}

it("npm run handover exports a bundle sha256sum verifies, refuses a used folder, and imports it into the next operator's empty Soudan, encrypted or not", async () => {
  const oldData = path.join(work, "old");
  await withDatabase(oldData, async (db) => {
    for (const ensure of [ensureFormVersions, ensureRiskLexicon, ensureSafetyContacts, ensureEmergencyContactKinds]) await ensure(db);
    await youthWrites(db, createKeyring(oldKey), "引き継ぐ相談のメッセージ");
  });
  const bundle = path.join(work, "bundle");
  const exported = await run(oldData, oldKey, "export", "--out", bundle);
  expect(exported.stderr).toBe("");
  expect(exported).toMatchObject({ code: 0, stdout: expect.stringMatching(/Handover bundle written to [^]*\n {2}consultations +1\n/) });
  expect((await promisify(execFile)("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: bundle })).stdout).toBe("");
  expect(exported.stdout).toContain(`: ${createHash("sha256").update(fs.readFileSync(path.join(bundle, "manifest.json"))).digest("hex")}\n`);
  expect(fs.readFileSync(path.join(oldData, "audit-checkpoints"), "utf8").trim().split("\n")).toHaveLength(1);

  const again = await run(oldData, oldKey, "export", "--out", bundle);
  expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining("is not empty") });

  const identity = await generateX25519Identity();
  const keyFile = path.join(work, "next-operator.pub");
  fs.writeFileSync(keyFile, `# the next operator's age public key\n${await identityToRecipient(identity)}\n`);
  const sealed = path.join(work, "sealed");
  expect(await run(oldData, oldKey, "export", "--out", sealed, "--recipient-key", keyFile)).toMatchObject({ code: 0 });
  const identityFile = path.join(work, "next-operator.key");
  fs.writeFileSync(identityFile, `${identity}\n`);
  const opened = path.join(work, "opened");
  expect(await run(oldData, oldKey, "decrypt", sealed, "--identity", identityFile, "--out", opened)).toMatchObject({ code: 0, stdout: expect.stringContaining("every file matches its manifest") });

  const tampered = path.join(work, "tampered");
  fs.cpSync(bundle, tampered, { recursive: true });
  fs.appendFileSync(path.join(tampered, "consultation_messages.csv"), "x\r\n");
  const newData = path.join(work, "new");
  expect(await run(newData, newKey, "import", tampered)).toMatchObject({ code: 2, stderr: expect.stringContaining("consultation_messages.csv does not match") });

  const imported = await run(newData, newKey, "import", opened);
  expect(imported.stderr).toBe("");
  expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/consultation_messages +1/) });
  expect(await run(newData, newKey, "import", bundle)).toMatchObject({ code: 2, stderr: expect.stringContaining("already holds consultations") });
  await withDatabase(newData, async (db) => {
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect((await listAudit(db, 1))[0]).toMatchObject({ action: "handover.imported", actorLogin: "command line (npm run handover -- import)" });
  });
});
