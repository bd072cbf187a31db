import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { auditLog, consultationMessages, consultations, formVersions, staff, supportAgencies } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { seedExampleAgencies } from "@/lib/agencies";
import { addOnCallEntry } from "@/lib/alerts";
import { grantStaffPermission } from "@/lib/auth";
import { saveAutoReplyTemplate, saveWaitingSettings } from "@/lib/autoreply";
import { createFakeLineApi } from "@/lib/line-api/testing/fake-line-api";
import { recordFollowerSnapshot, saveReportCover, saveReportRemarks } from "@/lib/reports";
import { saveCannedResponse } from "@/lib/canned";
import { addInternalNote, claimConsultation, type ConsoleActor } from "@/lib/consultations";
import { youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { decryptHandoverBundle, exportHandoverBundle, HandoverBundleError, HandoverOutputError, HandoverTargetError, importHandoverBundle, verifyHandoverBundle, type HandoverManifest } from "@/lib/handover";
import { verifyAuditChain } from "@/lib/audit";
import { saveIncident } from "@/lib/incidents";
import { markReportSubmitted } from "@/lib/report-deadlines";
import { purgeExpiredData } from "@/lib/retention";
import { saveSafetyPlan } from "@/lib/safety-plans";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { generateHistory } from "./history/generate-history";
import { seedDemoStaff } from "./seed-demo-staff";

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

// The same file runs on both drivers: the bundle goes from this run's database to the other kind and back.
const here = testDatabaseKind();
const other = here === "pglite" ? "postgres" : "pglite";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-handover-"));
const checkpointFile = path.join(work, "audit-checkpoints");
const opened: TestDatabase[] = [];
const newKeyring = () => createKeyring(randomBytes(32).toString("base64"));
const at = new Date("2025-04-01T09:00:00Z");

async function open(kind: "pglite" | "postgres") {
  const database = await createTestDatabase(kind);
  opened.push(database);
  return database;
}

async function actorOf(db: Db, loginId: string): Promise<ConsoleActor> {
  const [row] = await db.select({ id: staff.id, loginId: staff.loginId, role: staff.role }).from(staff).where(eq(staff.loginId, loginId));
  return row as ConsoleActor;
}

let source: TestDatabase;
/** The source's first bundle, which every test reads, and the audit head just before it was written. */
let first: { dir: string; manifest: HandoverManifest; manifestSha256: string };
let headBeforeExport: typeof auditLog.$inferSelect | undefined;
const sourceKeyring = newKeyring();

// A realistic past through the product's own use cases (the demo's history generator), and the kinds it
// does not make (notes, canned responses, a safety plan, on-call, a submitted report, a grant) beside it.
beforeAll(async () => {
  source = await open(here);
  const db = source.db;
  await seedDemoStaff(db);
  await seedExampleAgencies(db, { at });
  // The city confirmed the examples (only confirmed agencies are referred to, which makes consents).
  await db.update(supportAgencies).set({ isExample: false });
  await saveSchedule(db, takeo2024Preset, null, at, "test");
  // Seed 10 makes every kind the generator can in two evenings: emergencies, alerts, consents, a sharing exception, survey answers.
  await generateHistory(db, { from: "2024-08-03", to: "2024-08-04", seed: 10, keyring: sourceKeyring, schedule: takeo2024Preset, counselors: ["counselor1", "counselor2"] });
  const counselor = await actorOf(db, "counselor1");
  const admin = await actorOf(db, "admin");
  const written = await youthWrites(db, sourceKeyring, "ひきつぎ前に書いたメッセージ", { at });
  await claimConsultation(db, written.consultationId, counselor, { at, maxActive: 5 });
  await addInternalNote(db, { consultationId: written.consultationId, text: "内部メモ: 次回は学校のこと", at }, counselor, sourceKeyring);
  expect(await saveSafetyPlan(db, { consultationId: written.consultationId, plan: { warningSigns: ["眠れない"], whatHelps: ["音楽"] }, at }, counselor, sourceKeyring)).toMatchObject({ ok: true });
  await saveCannedResponse(db, { title: "あいさつ", body: "こんばんは。話してくれてありがとう。", at }, admin);
  await saveAutoReplyTemplate(db, { kind: "waiting", body: "順番にお返事します。", at }, admin);
  await addOnCallEntry(db, { name: "当番 三郎", email: "oncall@example.jp", startsAt: "2025-04-01T17:00", endsAt: "2025-04-01T22:00", at }, admin);
  await markReportSubmitted(db, { kind: "monthly_report", period: "2024-08", at }, admin);
  await saveWaitingSettings(db, { settings: { busyThresholdMinutes: 30, selfHelpEnabled: true }, at }, admin);
  expect(await saveReportCover(db, { addressee: "武雄市長", businessName: "武雄市子ども・若者相談ほっとLINE事業", contractor: "株式会社ソウダン", manager: "山田 花子" }, admin, at)).toMatchObject({ ok: true });
  expect(await saveReportRemarks(db, { period: "2024-08", body: "夏休みの相談が多かった。", confirmed: false, baseVersion: null }, admin, at)).toMatchObject({ ok: true });
  const line = createFakeLineApi();
  line.setFollowers({ followers: 120, blocks: 3 });
  expect(await recordFollowerSnapshot(db, { api: line.api, at })).toBe(true);
  await grantStaffPermission(db, (await actorOf(db, "city")).id, "records.inspect", admin);
  await saveIncident(db, { kind: "misdelivery", discoveredAt: "2025-03-31T20:15", scope: "ひきつぎ試験: 1件の誤送信", actions: "相手に削除を依頼", cityNotifiedAt: "" }, admin, { keyring: sourceKeyring, at });
  // Content is kept (0 months), so the purge only runs and is recorded: the round trip compares content.
  await purgeExpiredData(db, { at, settings: { payloadDays: 7, contentMonths: 0 }, trigger: "command" });
  [headBeforeExport] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  first = await exportTo(db, sourceKeyring, "first");
});

afterAll(async () => {
  for (const database of opened) await database.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function jsonLines(dir: string, manifest: HandoverManifest): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const file of manifest.files) if (file.name.endsWith(".jsonl")) tables.set(file.table!, fs.readFileSync(path.join(dir, file.name), "utf8").split("\n").filter(Boolean));
  return tables;
}

/** The second bundle holds exactly the first's rows, plus the import's own audit row after its head. */
function expectSameData(first: Map<string, string[]>, second: Map<string, string[]>) {
  expect([...second.keys()]).toEqual([...first.keys()]);
  for (const [table, rows] of first) {
    if (table === "audit_log") {
      expect(second.get(table)!.slice(0, rows.length), table).toEqual(rows);
      expect(second.get(table)!.slice(rows.length).map((line) => JSON.parse(line).action)).toEqual(["handover.imported"]);
    } else expect(second.get(table), table).toEqual(rows);
  }
}

async function exportTo(db: Db, keyring: ReturnType<typeof newKeyring>, name: string, recipients?: string[]) {
  const dir = path.join(work, name);
  const { manifest, manifestSha256 } = await exportHandoverBundle(db, { outDir: dir, keyring, at, checkpointFile, actorLabel: "test", recipients });
  return { dir, manifest, manifestSha256 };
}


it(`round trip ${here} → ${other} → ${here}: every consultation, message, record and audit row arrives, decrypted content equal, the audit chain intact`, async () => {
  const head = headBeforeExport;
  // sha256sum -c, as the recipient checks it without Soudan.
  const checked = await promisify(execFile)("sha256sum", ["-c", "SHA256SUMS"], { cwd: first.dir });
  expect(checked.stdout).toContain("consultation_messages.jsonl: OK");
  expect(checked.stdout).not.toMatch(/FAILED/);
  expect(verifyHandoverBundle(first.dir)).toEqual(first.manifest);
  expect(first.manifest.files.filter((file) => file.table && file.rows === 0).map((file) => file.table), "tables without rows").toEqual([]);
  const [messages] = await source.db.select({ n: count() }).from(consultationMessages);
  expect(first.manifest.files.find((f) => f.name === "consultation_messages.csv")?.rows).toBe(messages?.n);
  expect(first.manifest.auditHead).toEqual({ seq: head!.seq, hash: head!.hash });
  expect(fs.readFileSync(path.join(first.dir, "consultation_notes.csv"), "utf8")).toMatch(/^\uFEFFid,consultation_id,author_id,body,created_at\r\n.*内部メモ: 次回は学校のこと/s);
  const readme = fs.readFileSync(path.join(first.dir, "README.md"), "utf8");
  for (const file of first.manifest.files) if (file.table) expect(readme).toContain(file.name);
  // Decrypted, and nothing secret.
  expect(fs.readFileSync(path.join(first.dir, "consultation_messages.jsonl"), "utf8")).toContain("ひきつぎ前に書いたメッセージ");
  expect(fs.readFileSync(path.join(first.dir, "staff.jsonl"), "utf8")).not.toMatch(/argon2|password_hash|totp/);
  const [exported] = await source.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  expect(first.manifestSha256).toBe(createHash("sha256").update(fs.readFileSync(path.join(first.dir, "manifest.json"))).digest("hex"));
  expect(exported).toMatchObject({ action: "handover.exported", details: { auditHeadSeq: head!.seq, manifestSha256: first.manifestSha256, rows: { consultations: expect.any(Number) } } });
  expect(fs.readFileSync(checkpointFile, "utf8")).toContain(`"seq":${exported!.seq}`);

  const target = await open(other);
  const targetKeyring = newKeyring();
  const imported = await importHandoverBundle(target.db, { dir: first.dir, keyring: targetKeyring, at, checkpointFile, actorLabel: "test" });
  expect(imported.auditHead).toEqual(first.manifest.auditHead);
  expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, rows: head!.seq + 1 });
  // Re-encrypted under the target's own key.
  const [stored] = await target.db.select({ body: consultationMessages.bodyEnc }).from(consultationMessages).limit(1);
  expect(stored?.body?.split(".")[1]).toBe(targetKeyring.current.id);
  const second = await exportTo(target.db, targetKeyring, "second");
  expectSameData(jsonLines(first.dir, first.manifest), jsonLines(second.dir, second.manifest));

  const back = await open(here);
  const backKeyring = newKeyring();
  await importHandoverBundle(back.db, { dir: second.dir, keyring: backKeyring, at, checkpointFile, actorLabel: "test" });
  expect((await verifyAuditChain(back.db)).ok).toBe(true);
  const third = await exportTo(back.db, backKeyring, "third");
  expectSameData(jsonLines(second.dir, second.manifest), jsonLines(third.dir, third.manifest));
});

it("refuses a folder that is not empty, a Soudan that holds consultations, and a bundle whose file was changed (naming it), leaving the target empty", async () => {
  const busy = path.join(work, "busy");
  fs.mkdirSync(busy);
  fs.writeFileSync(path.join(busy, "notes.txt"), "older file");
  await expect(exportTo(source.db, sourceKeyring, "busy")).rejects.toThrow(HandoverOutputError);
  expect(fs.readdirSync(busy)).toEqual(["notes.txt"]);

  await expect(importHandoverBundle(source.db, { dir: first.dir, keyring: sourceKeyring, at, checkpointFile, actorLabel: "test" })).rejects.toThrow(
    new HandoverTargetError("This Soudan already holds consultations: a bundle is imported only into an empty Soudan."),
  );

  const tampered = path.join(work, "tampered");
  fs.cpSync(first.dir, tampered, { recursive: true });
  const file = path.join(tampered, "consultation_records.jsonl");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/"outcome":"advice"/, '"outcome":"referral"'));
  const empty = await open(here);
  const refused = importHandoverBundle(empty.db, { dir: tampered, keyring: newKeyring(), at, checkpointFile, actorLabel: "test" });
  await expect(refused).rejects.toThrow(HandoverBundleError);
  await expect(refused).rejects.toThrow(/consultation_records\.jsonl does not match its SHA-256/);
  expect((await empty.db.select({ n: count() }).from(consultations))[0]?.n).toBe(0);
  expect((await empty.db.select({ n: count() }).from(auditLog))[0]?.n).toBe(0);
});

it("imports all or nothing: a row the database rejects leaves the target as it was, its seeded rows included", async () => {
  // A consistent manifest over a message whose consultation does not exist: only the database can refuse it.
  const broken = path.join(work, "broken");
  fs.cpSync(first.dir, broken, { recursive: true });
  const messages = path.join(broken, "consultation_messages.jsonl");
  const lines = fs.readFileSync(messages, "utf8").split("\n");
  lines[lines.length - 2] = JSON.stringify({ ...JSON.parse(lines[lines.length - 2]!), consultation_id: "00000000-0000-4000-8000-000000000000" });
  fs.writeFileSync(messages, lines.join("\n"));
  const manifestPath = path.join(broken, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as HandoverManifest;
  for (const file of manifest.files) if (file.name === "consultation_messages.jsonl") file.sha256 = createHash("sha256").update(fs.readFileSync(messages)).digest("hex");
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));

  const target = await open(here);
  const [seeded] = await target.db.select({ n: count() }).from(formVersions);
  await expect(importHandoverBundle(target.db, { dir: broken, keyring: newKeyring(), at, checkpointFile, actorLabel: "test" })).rejects.toThrow(/insert into "consultation_messages"/);
  expect((await target.db.select({ n: count() }).from(formVersions))[0]?.n).toBe(seeded?.n);
  for (const table of [consultations, consultationMessages, staff, auditLog]) expect((await target.db.select({ n: count() }).from(table))[0]?.n).toBe(0);
});

it("encrypts every file to the next operator's age key, and their key decrypts it back to a bundle that verifies and imports", async () => {
  const identity = await generateX25519Identity();
  const encrypted = await exportTo(source.db, sourceKeyring, "encrypted", [await identityToRecipient(identity)]);
  const names = fs.readdirSync(encrypted.dir);
  expect(names.length).toBeGreaterThan(10);
  expect(names.every((name) => name.endsWith(".age"))).toBe(true);
  expect(fs.readFileSync(path.join(encrypted.dir, "consultation_messages.jsonl.age")).includes(Buffer.from("ひきつぎ前"))).toBe(false);
  expect(() => verifyHandoverBundle(encrypted.dir)).toThrow(/encrypted: decrypt it first/);

  await expect(decryptHandoverBundle({ dir: encrypted.dir, outDir: path.join(work, "wrong-key"), identities: [await generateX25519Identity()] })).rejects.toThrow(/could not be decrypted/);
  const plain = path.join(work, "decrypted");
  await decryptHandoverBundle({ dir: encrypted.dir, outDir: plain, identities: [identity] });
  expect(verifyHandoverBundle(plain)).toEqual(encrypted.manifest);
  expect(fs.readFileSync(path.join(plain, "consultation_messages.jsonl"), "utf8")).toBe(fs.readFileSync(path.join(first.dir, "consultation_messages.jsonl"), "utf8"));
  const target = await open(here);
  await importHandoverBundle(target.db, { dir: plain, keyring: newKeyring(), at, checkpointFile, actorLabel: "test" });
  expect((await verifyAuditChain(target.db)).ok).toBe(true);
});

/** A copy of the first bundle with one file changed and the manifest rewritten to match, as a forger would. */
function forge(name: string, editLines: (lines: string[]) => string[], editManifest: (manifest: HandoverManifest) => void = () => {}): string {
  const dir = path.join(work, `forged-${randomBytes(4).toString("hex")}`);
  fs.cpSync(first.dir, dir, { recursive: true });
  const file = path.join(dir, name);
  const lines = editLines(fs.readFileSync(file, "utf8").split("\n").filter(Boolean));
  fs.writeFileSync(file, lines.map((line) => `${line}\n`).join(""));
  const manifestPath = path.join(dir, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as HandoverManifest;
  for (const entry of manifest.files) if (entry.name === name) Object.assign(entry, { rows: lines.length, sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex") });
  editManifest(manifest);
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

it("refuses a bundle whose audit log was changed or cut short behind a rewritten manifest, or that lacks a table, importing nothing", async () => {
  const rewritten = forge("audit_log.jsonl", (lines) => lines.map((line, i) => (i === 1 ? JSON.stringify({ ...JSON.parse(line), actor_login: "誰か別の人" }) : line)));
  const cut = forge("audit_log.jsonl", (lines) => lines.slice(0, -1));
  const missing = forge("consultation_notes.jsonl", (lines) => lines, (manifest) => void (manifest.files = manifest.files.filter((f) => f.table !== "consultation_notes")));
  const cases: [string, RegExp][] = [
    [rewritten, /audit log does not verify \(row 2: tampered\)/],
    [cut, new RegExp(`audit log ends at row ${first.manifest.auditHead.seq - 1} .*not at the head its manifest names \\(row ${first.manifest.auditHead.seq}`)],
    [missing, /consultation_notes\.jsonl is not listed in the manifest/],
  ];
  for (const [dir, problem] of cases) {
    const target = await open(here);
    const refused = importHandoverBundle(target.db, { dir, keyring: newKeyring(), at, checkpointFile, actorLabel: "test" });
    await expect(refused).rejects.toThrow(HandoverBundleError);
    await expect(refused).rejects.toThrow(problem);
    for (const table of [consultations, auditLog]) expect((await target.db.select({ n: count() }).from(table))[0]?.n).toBe(0);
  }
});
