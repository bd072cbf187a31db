import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consultationRecords, formVersions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { claimConsultation, closeConsultationWithRecord, type ConsoleActor } from "@/lib/consultations";
import { listEarlierConsultations } from "@/lib/consultations/list-earlier-consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { ensureFormVersions, loadCurrentForm, loadFormVersion, saveFormVersion, type RecordDefinition } from "./index";
import { defaultRecordDefinition } from "./default-definitions";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;
let admin: ConsoleActor;
let counselor: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await makeStaff(database.db, "admin", "admin");
  counselor = await makeStaff(database.db, "counselor", "counselor");
});
afterAll(async () => {
  await database.close();
});

function edit(def: RecordDefinition, change: (topics: RecordDefinition["topics"]["choices"]) => RecordDefinition["topics"]["choices"]): RecordDefinition {
  return { ...def, topics: { ...def.topics, choices: change(def.topics.choices) } };
}

describe("form versions", () => {
  it("a fresh database has version 1 of each form, and ensuring again adds nothing", async () => {
    await ensureFormVersions(database.db);
    const rows = await database.db.select({ kind: formVersions.kind, version: formVersions.version }).from(formVersions).orderBy(formVersions.kind);
    expect(rows).toEqual([
      { kind: "intake", version: 1 },
      { kind: "record", version: 1 },
      { kind: "survey", version: 1 },
    ]);
    expect((await loadCurrentForm(database.db, "record")).definition).toEqual(defaultRecordDefinition);
  });

  it("gives a database made before 相談者の属性 and 対応の内容 a new version with them, keeping its admins' changes", async () => {
    const other = await createTestDatabase();
    try {
      const older: RecordDefinition = { ...defaultRecordDefinition };
      delete older.requester;
      delete older.actions;
      const topics = { ...older.topics, choices: older.topics.choices.filter((c) => c.id !== "suicidal" && c.id !== "mental").map((c) => (c.id === "health" ? { ...c, label: "こころとからだ" } : c)) };
      await other.db.delete(formVersions);
      await other.db.insert(formVersions).values({ kind: "record", version: 1, definition: { ...older, topics }, note: "old" });
      await ensureFormVersions(other.db);
      await ensureFormVersions(other.db);
      const current = await loadCurrentForm(other.db, "record");
      expect(current.version).toBe(2);
      expect(current.definition.requester).toEqual(defaultRecordDefinition.requester);
      expect(current.definition.actions).toEqual(defaultRecordDefinition.actions);
      expect(current.definition.topics.choices.map((c) => c.label).slice(-4)).toEqual(["進路・仕事", "自殺念慮・自傷", "メンタル不調", "その他"]);
      expect(current.definition.topics.choices.find((c) => c.id === "health")!.label).toBe("こころとからだ");
    } finally {
      await other.close();
    }
  });

  it("saving makes a new, audited version and leaves the old one as it was; a stale base or a dropped choice is refused", async () => {
    const v1 = await loadCurrentForm(database.db, "record");
    const renamed = edit(v1.definition, (choices) => [...choices.map((c) => (c.id === "health" ? { ...c, label: "こころとからだ" } : c.id === "other" ? { ...c, retired: true } : c)), { id: "online", label: "ネット・SNS", retired: false }]);
    const saved = await saveFormVersion(database.db, { kind: "record", definition: renamed, basedOnVersion: 1, note: "ネットの相談が増えたため" }, admin, new Date());
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect((await loadFormVersion(database.db, "record", v1.id)).definition).toEqual(v1.definition);
    expect((await loadCurrentForm(database.db, "record")).definition.topics.choices.at(-1)).toEqual({ id: "online", label: "ネット・SNS", retired: false });
    const [audit] = await listAudit(database.db, 1);
    expect(audit).toMatchObject({ action: "form.changed", actorLogin: "admin", target: "form:record:2" });
    expect(audit!.details).toMatchObject({ kind: "record", version: 2, note: "ネットの相談が増えたため", changes: { topics: { added: ["online"], retired: ["other"], renamed: ["health"], restored: [] } } });

    expect(await saveFormVersion(database.db, { kind: "record", definition: renamed, basedOnVersion: 1 }, admin, new Date())).toEqual({ ok: false, fieldErrors: { _form: ja.forms.errors.stale } });
    const dropped = edit(renamed, (choices) => choices.filter((c) => c.id !== "online"));
    expect(await saveFormVersion(database.db, { kind: "record", definition: dropped, basedOnVersion: 2 }, admin, new Date())).toEqual({ ok: false, fieldErrors: { "topics.choices": ja.forms.errors.removedChoice } });
    expect(await saveFormVersion(database.db, { kind: "intake", definition: renamed, basedOnVersion: 1 }, admin, new Date())).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String) } });
  });

  it("a record is validated against the version in force and pinned to it; earlier records keep their version's words", async () => {
    const current = await loadCurrentForm(database.db, "record");
    const youth = await youthWrites(database.db, keyring, "ネットで知らない人に会おうと言われた");
    await claimConsultation(database.db, youth.consultationId, counselor, { at: new Date(), maxActive: 5 });
    const form = { ageBand: "high_school", gender: "female", contentSummary: "SNSで知り合った人", responseSummary: "会わないよう助言", outcome: "advice" };
    // "other" was retired in version 2: no longer offered.
    expect(await closeConsultationWithRecord(database.db, { consultationId: youth.consultationId, form: { ...form, topics: ["other"] }, at: new Date() }, counselor, keyring)).toEqual({
      ok: false,
      fieldErrors: { topics: "相談内容の分類を選び直してください。" },
    });
    expect(await closeConsultationWithRecord(database.db, { consultationId: youth.consultationId, form: { ...form, topics: ["online"] }, at: new Date() }, counselor, keyring)).toEqual({ ok: true });
    const [record] = await database.db.select().from(consultationRecords).where(eq(consultationRecords.consultationId, youth.consultationId));
    expect(record).toMatchObject({ formVersionId: current.id, topics: ["online"] });

    const outcome = current.definition.outcome;
    const relabelled = { ...current.definition, outcome: { ...outcome, choices: outcome.choices.map((c) => (c.id === "advice" ? { ...c, label: "助言した" } : c)) } };
    expect(await saveFormVersion(database.db, { kind: "record", definition: relabelled, basedOnVersion: current.version }, admin, new Date())).toMatchObject({ ok: true });
    const again = await youthWrites(database.db, keyring, "また相談です", { lineUserId: youth.lineUserId });
    expect((await listEarlierConsultations(database.db, again.consultationId, keyring))[0]).toMatchObject({ outcome: "advice", outcomeLabel: "傾聴・助言" });
  });

  it("two admins saving from the same version: one wins, the other is told to reload", async () => {
    const current = await loadCurrentForm(database.db, "intake");
    const results = await Promise.all(
      ["A", "B"].map((name) => saveFormVersion(database.db, { kind: "intake", definition: { ...current.definition, note: { ...current.definition.note, hint: name } }, basedOnVersion: current.version }, admin, new Date())),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, fieldErrors: { _form: ja.forms.errors.stale } }]);
    expect((await database.db.select({ version: formVersions.version }).from(formVersions).where(eq(formVersions.kind, "intake"))).map((r) => r.version).sort()).toEqual([1, 2]);
  });
});
