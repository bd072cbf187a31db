import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_CONNECTION_NAME, openDatabase, TOOL_CONNECTION_NAME, type Database, type Db } from "@/db/client";
import { consultations, youths } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { appendAudit, readAuditHead } from "@/lib/audit";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { countServiceRows } from "./count-service-rows";
import { isSafeDataDir, REPORT_FILE, SUMMARY_FILE } from "./data-dir";
import { destroyServiceData, type DestructionInput } from "./destroy-service-data";
import { DestructionIncompleteError, DestructionRefusedError } from "./errors";
import { surveyDestruction } from "./index";
import { rowsOf } from "./rows-of";
import { serviceTableNames } from "./service-tables";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const at = new Date("2025-04-01T10:00:00+09:00");
const embedded = testDatabaseKind() === "pglite";

let dataDir: string;
let database: Database;
let testDatabase: TestDatabase | null;
let closed: boolean;

/** PGlite under a real DATA_DIR (its files must go too); on PostgreSQL a fresh test database. */
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-destroy-"));
  closed = false;
  testDatabase = null;
  if (embedded) {
    database = await openDatabase({ kind: "pglite", dataDir, holder: "the destruction test" });
    await database.migrate();
  } else {
    // Destruction closes its database; a test database's own close would drop it, so it works on a second client.
    testDatabase = await createTestDatabase();
    database = await testDatabase.connectAgain();
  }
  const close = database.close;
  database = { ...database, close: async () => void (closed || ((closed = true), await close())) };
  fs.writeFileSync(path.join(dataDir, "audit-checkpoints"), "");
  fs.writeFileSync(path.join(dataDir, "demo-secrets.json"), "{}");
  await seed(database.db);
});

afterEach(async () => {
  await database.close();
  await testDatabase?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function seed(db: Db): Promise<void> {
  const opened = ["2024-04-03T19:00:00+09:00", "2025-03-28T20:30:00+09:00"];
  for (const [i, when] of opened.entries()) {
    const [youth] = await db
      .insert(youths)
      .values({ lineUserHash: `hash-${i}`, lineUserIdEnc: "enc", pseudonym: `相談者${i}` })
      .returning({ id: youths.id });
    await db.insert(consultations).values({ youthId: youth!.id, channel: "line", openedAt: new Date(when) });
  }
  for (let i = 0; i < 3; i++) await appendAudit(db, { action: "report.exported", actorLabel: "test", target: `report:${i}` });
}

function input(confirm: string | null, extra: Partial<DestructionInput> = {}): DestructionInput {
  return { confirm, force: false, dataDir, municipality: "武雄市", contract: "青少年LINE相談業務委託", operator: "株式会社そうだん", handoverManifest: null, at, ...extra };
}

async function expectIntact(): Promise<void> {
  const counts = await countServiceRows(database.db);
  expect(counts).toMatchObject({ youths: 2, consultations: 2, audit_log: 3 });
  expect(fs.readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(["audit-checkpoints", "demo-secrets.json"]));
}

describe(`destruction (${testDatabaseKind()})`, () => {
  it("names every table of db/schema.ts in Japanese for the report", () => {
    expect(serviceTableNames().length).toBeGreaterThan(30);
    for (const table of serviceTableNames()) expect(ja.destruction.tables[table], table).toBeTruthy();
  });

  it("a dry run counts every table, the period and DATA_DIR, and its code changes once the data does", async () => {
    const survey = await surveyDestruction(database.db, { dataDir });
    expect(survey.counts).toMatchObject({ youths: 2, consultations: 2, audit_log: 3 });
    expect(Object.keys(survey.counts).sort()).toEqual(serviceTableNames());
    expect(survey.period?.first.toISOString()).toBe("2024-04-03T10:00:00.000Z");
    expect(survey.period?.last.toISOString()).toBe("2025-03-28T11:30:00.000Z");
    expect(survey.files.map((f) => f.name)).toEqual(expect.arrayContaining(["audit-checkpoints", "demo-secrets.json"]));
    expect(survey.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect((await surveyDestruction(database.db, { dataDir })).code).toBe(survey.code);
    await appendAudit(database.db, { action: "report.exported", actorLabel: "test", target: "report:late" });
    expect((await surveyDestruction(database.db, { dataDir })).code).not.toBe(survey.code);
  });

  it("refuses without a code or with a stale one, deleting nothing", async () => {
    await expect(destroyServiceData(database, input(null), { keyring })).rejects.toMatchObject({ reason: "no_code" });
    const { code } = await surveyDestruction(database.db, { dataDir });
    await database.db.insert(youths).values({ lineUserHash: "late", lineUserIdEnc: "enc", pseudonym: "遅れて来た人" });
    const stale = await destroyServiceData(database, input(code), { keyring }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DestructionRefusedError);
    expect(stale).toMatchObject({ reason: "wrong_code" });
    expect(await countServiceRows(database.db)).toMatchObject({ youths: 3, consultations: 2, audit_log: 3 });
    expect(fs.readdirSync(dataDir).sort()).toEqual(["audit-checkpoints", "demo-secrets.json", ...(embedded ? ["pgdata", "soudan.lock"] : [])]);
  });

  it("destroys every row and everything in DATA_DIR, leaving only the 廃棄報告書 and its summary", async () => {
    const manifest = path.join(os.tmpdir(), `soudan-manifest-${randomBytes(4).toString("hex")}.json`);
    fs.writeFileSync(manifest, '{"files":[]}\n');
    const head = await readAuditHead(database.db);
    const { code } = await surveyDestruction(database.db, { dataDir });
    const { summary, reportPath } = await destroyServiceData(database, input(code, { handoverManifest: { file: manifest } }), { keyring });
    fs.rmSync(manifest);

    expect(fs.readdirSync(dataDir).sort()).toEqual([REPORT_FILE, SUMMARY_FILE].sort());
    expect(summary.auditHead).toEqual(head);
    expect(summary.destroyed).toMatchObject({ youths: 2, consultations: 2, audit_log: 3 });
    expect(Object.values(summary.rowsLeft).every((n) => n === 0)).toBe(true);
    expect(summary.handoverManifestSha256).toBe(createHash("sha256").update('{"files":[]}\n').digest("hex"));
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, SUMMARY_FILE), "utf8"))).toEqual(summary);
    if (testDatabase) {
      // Counted again from outside, on a connection of its own.
      const again = await testDatabase.connectAgain();
      const counts = await countServiceRows(again.db);
      await again.close();
      expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
    }

    const text = execFileSync("pdftotext", ["-layout", reportPath, "-"], { encoding: "utf8" });
    expect(text).toContain("廃棄報告書");
    expect(text).toContain("武雄市");
    expect(text).toContain(`${ja.destruction.auditSeq}: ${head.seq}`);
    expect(text.replace(/\s/g, "")).toContain(head.hash);
    expect(text).toContain("2024年4月3日");
    expect(text).toContain("暗号鍵");
  });

  it("names the latest handover export's manifest SHA-256 by default, and refuses when consultations or messages came after it, unless forced", async () => {
    const sha = "ab".repeat(32);
    await appendAudit(database.db, { action: "handover.exported", actorLabel: "test", details: { manifestSha256: sha } });
    const current = await surveyDestruction(database.db, { dataDir });
    expect(current.handover).toMatchObject({ manifestSha256: sha, consultationsAfter: 0, messagesAfter: 0 });
    const [youth] = await database.db.select({ id: youths.id }).from(youths).limit(1);
    await database.db.insert(consultations).values({ youthId: youth!.id, channel: "line", openedAt: new Date(Date.now() + 60_000) });
    const stale = await surveyDestruction(database.db, { dataDir });
    expect(stale.handover).toMatchObject({ consultationsAfter: 1, messagesAfter: 0 });
    await expect(destroyServiceData(database, input(stale.code), { keyring })).rejects.toMatchObject({ reason: "handover_stale", message: expect.stringMatching(/^1 consultation\(s\) and 0 message\(s\) were written after the latest handover export/) });
    expect(await countServiceRows(database.db)).toMatchObject({ consultations: 3 });
    const { summary } = await destroyServiceData(database, input(stale.code, { force: true }), { keyring });
    expect(summary.handoverManifestSha256).toBe(sha);
  });

  it("refuses a DATA_DIR holding what Soudan never writes, naming it, unless forced", async () => {
    fs.mkdirSync(path.join(dataDir, "exports"));
    fs.writeFileSync(path.join(dataDir, "exports", "monthly.csv"), "相談件数,3\n");
    fs.writeFileSync(path.join(dataDir, "notes.txt"), "");
    const survey = await surveyDestruction(database.db, { dataDir });
    expect(survey.unknownFiles).toEqual(["exports", "notes.txt"]);
    const refused = destroyServiceData(database, input(survey.code), { keyring });
    await expect(refused).rejects.toMatchObject({ reason: "unknown_files" });
    await expect(refused).rejects.toThrow(/never writes there: exports, notes\.txt\./);
    await expectIntact();
    await destroyServiceData(database, input(survey.code, { force: true }), { keyring });
    expect(fs.readdirSync(dataDir).sort()).toEqual([REPORT_FILE, SUMMARY_FILE].sort());
  });

  it("refuses a DATA_DIR that is a system folder or holds the home or the application's folder", () => {
    for (const unsafe of ["/", "/srv", "/var", "/tmp", "..", ".", process.cwd(), os.homedir(), path.dirname(os.homedir())]) expect(isSafeDataDir(unsafe), unsafe).toBe(false);
    for (const safe of [dataDir, "./data", "/srv/soudan", "/var/lib/soudan"]) expect(isSafeDataDir(safe), safe).toBe(true);
  });

  it.skipIf(embedded)("on PostgreSQL, refuses while an app instance or another Soudan tool is connected, unless forced", async () => {
    const [row] = rowsOf<{ name: string }>(await database.db.execute(sql`select current_database() as name`));
    const url = new URL(process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
    url.pathname = `/${row!.name}`;
    const app = postgres(url.toString(), { max: 1, connection: { application_name: APP_CONNECTION_NAME } });
    const tool = postgres(url.toString(), { max: 1, connection: { application_name: TOOL_CONNECTION_NAME } });
    try {
      await tool`select 1`;
      const { code } = await surveyDestruction(database.db, { dataDir });
      await expect(destroyServiceData(database, input(code), { keyring })).rejects.toMatchObject({ reason: "app_running", message: expect.stringMatching(/^1 connection/) });
      await app`select 1`;
      await expect(destroyServiceData(database, input(code), { keyring })).rejects.toMatchObject({ reason: "app_running", message: expect.stringMatching(/^2 connection/) });
      await expectIntact();
      const forced = await destroyServiceData(database, input(code, { force: true }), { keyring });
      expect(forced.summary.destroyed).toMatchObject({ consultations: 2 });
    } finally {
      await app.end();
      await tool.end();
    }
  });
});

describe(`an incomplete destruction (${testDatabaseKind()})`, () => {
  it("still writes the summary with what was left, then fails naming it, with no report", async () => {
    // A row written after the truncation, as a misbehaving trigger or writer would.
    await database.db.execute(sql`create function soudan_test_refill() returns trigger language plpgsql as $$ begin insert into sign_in_throttle (key, points) values ('left-behind', 1); return null; end $$`);
    await database.db.execute(sql`create trigger soudan_test_refill after truncate on youths for each statement execute function soudan_test_refill()`);
    const { code } = await surveyDestruction(database.db, { dataDir });
    const failed = await destroyServiceData(database, input(code), { keyring }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DestructionIncompleteError);
    expect((failed as Error).message).toMatch(/^Deletion ran but something is left \(1 row\(s\) in sign_in_throttle\); no report was written\./);
    expect(fs.readdirSync(dataDir)).toEqual([SUMMARY_FILE]);
    const summary = JSON.parse(fs.readFileSync(path.join(dataDir, SUMMARY_FILE), "utf8")) as { rowsLeft: Record<string, number>; destroyed: Record<string, number> };
    expect(summary.rowsLeft.sign_in_throttle).toBe(1);
    expect(summary.destroyed).toMatchObject({ youths: 2, consultations: 2 });
  });
});
