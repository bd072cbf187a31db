import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { signAuditCheckpoint } from "./checkpoint";
import { appendAudit, auditCheckpointFile, readAuditCheckpoints, readAuditHead, recordAuditCheckpoint, verifyAuditChain } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const at = new Date("2026-11-30T01:00:00Z");
let database: Database;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-checkpoints-"));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each test starts from a chain of `n` rows: the log is emptied as a superuser would, trigger off. */
async function freshChain(n: number) {
  await withoutTrigger(sql`delete from audit_log`);
  for (let i = 0; i < n; i++) await appendAudit(database.db, { action: "records.exported", actorLabel: `clerk${i}`, target: `report:${i}`, details: { i } });
}

async function withoutTrigger(statement: ReturnType<typeof sql>) {
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await database.db.execute(statement);
  } finally {
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }
}

async function checkpointNow() {
  return signAuditCheckpoint(await readAuditHead(database.db), keyring, at);
}

describe("audit checkpoints", () => {
  beforeEach(() => freshChain(4));

  it("passes an intact chain that reaches its checkpoint, and one that grew since", async () => {
    const checkpoint = await checkpointNow();
    expect(checkpoint).toMatchObject({ seq: 4, at: at.toISOString(), key: keyring.current.id });
    expect(await verifyAuditChain(database.db, { checkpoints: [checkpoint] })).toEqual({ ok: true, rows: 4 });
    await appendAudit(database.db, { action: "auth.sign_in", actorLabel: "later" });
    expect(await verifyAuditChain(database.db, { checkpoints: [checkpoint] })).toEqual({ ok: true, rows: 5 });
  });

  it("fails when the newest row a checkpoint covered is deleted, which the chain alone does not see", async () => {
    const checkpoint = await checkpointNow();
    await withoutTrigger(sql`delete from audit_log where seq = 4`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 3 });
    expect(await verifyAuditChain(database.db, { checkpoints: [checkpoint] })).toEqual({ ok: false, rows: 3, seq: 4, problem: "truncated", checkpoint });
  });

  it("fails when every row is deleted", async () => {
    const checkpoint = await checkpointNow();
    await withoutTrigger(sql`delete from audit_log`);
    expect(await verifyAuditChain(database.db, { checkpoints: [checkpoint] })).toEqual({ ok: false, rows: 0, seq: 1, problem: "truncated", checkpoint });
  });

  it("fails when the chain was rewritten from a checkpoint's row on, hashes and all", async () => {
    const checkpoint = await checkpointNow();
    await withoutTrigger(sql`delete from audit_log where seq >= 3`);
    await appendAudit(database.db, { action: "auth.sign_in", actorLabel: "forger" });
    await appendAudit(database.db, { action: "auth.sign_in", actorLabel: "forger" });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 4 });
    expect(await verifyAuditChain(database.db, { checkpoints: [checkpoint] })).toEqual({ ok: false, rows: 3, seq: 4, problem: "checkpoint-mismatch", checkpoint });
  });

  it("appends one signed line per checkpoint to the file and the process log", async () => {
    const file = auditCheckpointFile(path.join(dir, "data"));
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const first = await recordAuditCheckpoint(database.db, { keyring, file, at });
    await appendAudit(database.db, { action: "auth.sign_in", actorLabel: "later" });
    const second = await recordAuditCheckpoint(database.db, { keyring, file, at: new Date(at.getTime() + 3_600_000) });
    expect(log).toHaveBeenCalledWith(`[soudan] audit checkpoint ${JSON.stringify(second)}`);
    log.mockRestore();
    const text = fs.readFileSync(file, "utf8");
    expect(text).toBe(`${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
    expect(readAuditCheckpoints(text, keyring)).toEqual({ ok: true, checkpoints: [first, second] });
    expect([first.seq, second.seq]).toEqual([4, 5]);
  });
});

describe("reading a checkpoint file", () => {
  const good = signAuditCheckpoint({ seq: 9, hash: "a".repeat(64) }, keyring, at);
  const file = (...lines: unknown[]) => lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n");

  it("refuses a checkpoint whose hash or seq was changed without the key, naming the line", () => {
    expect(readAuditCheckpoints(file(good, { ...good, hash: "b".repeat(64) }), keyring)).toEqual({ ok: false, line: 2, problem: "forged" });
    expect(readAuditCheckpoints(file({ ...good, seq: 3 }), keyring)).toEqual({ ok: false, line: 1, problem: "forged" });
    expect(readAuditCheckpoints(file({ ...good, mac: "0".repeat(64) }), keyring)).toEqual({ ok: false, line: 1, problem: "forged" });
  });

  it("refuses a checkpoint signed with another key, naming the key", () => {
    const other = createKeyring(randomBytes(32).toString("base64"));
    const foreign = signAuditCheckpoint({ seq: 9, hash: "a".repeat(64) }, other, at);
    expect(readAuditCheckpoints(file(foreign), keyring)).toEqual({ ok: false, line: 1, problem: "unknown-key", key: other.current.id });
    const rotated = createKeyring(randomBytes(32).toString("base64"), [Buffer.from(other.current.material).toString("base64")]);
    expect(readAuditCheckpoints(file(foreign), rotated)).toMatchObject({ ok: true });
  });

  it("refuses a line that is not a checkpoint, and skips blank lines", () => {
    expect(readAuditCheckpoints(file(good, "", "{not json"), keyring)).toEqual({ ok: false, line: 3, problem: "malformed" });
    expect(readAuditCheckpoints(file({ seq: 1 }), keyring)).toEqual({ ok: false, line: 1, problem: "malformed" });
    expect(readAuditCheckpoints(`${file(good)}\n\n`, keyring)).toEqual({ ok: true, checkpoints: [good] });
  });
});
