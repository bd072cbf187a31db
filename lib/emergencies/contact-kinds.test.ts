import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { claimConsultation, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { buildMonthlyReport } from "@/lib/reports";
import { addEmergencyContact, countContactKindUses, ensureEmergencyContactKinds, listEmergencyContactKinds, saveEmergencyContactKind, startEmergency, viewEmergency } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let admin: ConsoleActor;
let alice: ConsoleActor;

const at = (local: string) => new Date(`${local}+09:00`);
const labels = async (includeRetired = false) => (await listEmergencyContactKinds(database.db, { includeRetired })).map((k) => k.label);
const idOf = async (label: string) => (await listEmergencyContactKinds(database.db, { includeRetired: true })).find((k) => k.label === label)!.id;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await makeStaff(database.db, "ada", "admin");
  alice = await makeStaff(database.db, "alice", "counselor");
});
afterAll(async () => {
  await database.close();
});

describe("emergency contact kinds (admin)", () => {
  it("adds a kind in its place, audited with its name", async () => {
    const result = await saveEmergencyContactKind(database.db, { kind: { label: " 保健所 ", sortOrder: "35", active: true }, at: at("2024-08-01T10:00") }, admin);
    expect(result.ok).toBe(true);
    expect(await labels()).toEqual(["警察", "救急", "児童相談所", "保健所", "市", "学校", "その他"]);
    const [row] = await listAudit(database.db, 1);
    expect(row).toMatchObject({ action: "emergency_contact_kind.changed", actorLogin: "ada", details: { label: "保健所", previousLabel: null, sortOrder: 35, active: true, created: true } });
  });

  it("refuses an empty, too long or duplicate name with Japanese messages, writing nothing", async () => {
    const before = await labels(true);
    const attempt = (kind: unknown, id?: string) => saveEmergencyContactKind(database.db, { id, kind, at: at("2024-08-01T10:05") }, admin);
    expect(await attempt({ label: "  ", sortOrder: 10 })).toEqual({ ok: false, fieldErrors: { label: "連絡先の名前を入力してください。" } });
    expect(await attempt({ label: "あ".repeat(31), sortOrder: 10 })).toEqual({ ok: false, fieldErrors: { label: "連絡先の名前は30文字以内にしてください。" } });
    expect(await attempt({ label: "警察 ", sortOrder: 10 })).toEqual({ ok: false, fieldErrors: { label: "「警察」はすでにあります。同じ名前は登録できません（使用停止のものは、使用を再開してください）。" } });
    // Spaces (an ideographic one too) and full-width letters do not make another kind.
    expect(await attempt({ label: "保健\u3000所", sortOrder: 10 }, await idOf("学校"))).toMatchObject({ ok: false, fieldErrors: { label: expect.stringContaining("「保健所」はすでにあります") } });
    expect(await attempt({ label: "その他", sortOrder: "二" }, await idOf("その他"))).toEqual({ ok: false, fieldErrors: { sortOrder: "並び順は0から9999までの整数で入力してください。" } });
    expect(await attempt({ label: "警察署", sortOrder: 10 }, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, fieldErrors: { _form: "この連絡先は見つかりません。" } });
    expect(await labels(true)).toEqual(before);
  });

  it("renames and reorders a kind in use; entries and reports show the new name, and the seed does not bring the old one back", async () => {
    const consultationId = (await youthWrites(database.db, keyring, "たすけて", { at: at("2024-08-03T20:00") })).consultationId;
    await claimConsultation(database.db, consultationId, alice, { at: at("2024-08-03T20:01"), maxActive: 10 });
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-03T20:02") }, alice);
    await addEmergencyContact(database.db, { emergencyId, contact: { kindId: await idOf("学校"), contactedAt: "2024-08-03T20:10" }, at: at("2024-08-03T20:10") }, alice, keyring);
    const school = await idOf("学校");
    expect(await saveEmergencyContactKind(database.db, { id: school, kind: { label: "学校（担任）", sortOrder: 5, active: true }, at: at("2024-08-04T10:00") }, admin)).toEqual({ ok: true, id: school });
    await ensureEmergencyContactKinds(database.db);
    expect(await labels()).toEqual(["学校（担任）", "警察", "救急", "児童相談所", "保健所", "市", "その他"]);
    expect((await viewEmergency(database.db, { emergencyId }, keyring))!.contacts.map((c) => c.kindLabel)).toEqual(["学校（担任）"]);
    expect((await countContactKindUses(database.db)).get(school)).toBe(1);
    expect((await listAudit(database.db, 1))[0]!.details).toMatchObject({ label: "学校（担任）", previousLabel: "学校", sortOrder: 5, created: false });
    const report = await buildMonthlyReport(database.db, { month: "2024-08", at: at("2024-09-10T09:00") });
    expect(report.emergenciesByContact.find((row) => row.label === "学校（担任）")).toMatchObject({ count: 1 });
  });

  it("retires a kind (never deleting it): the contact form no longer offers it, the report and old entries keep it, and it can be reinstated", async () => {
    const school = await idOf("学校（担任）");
    expect((await saveEmergencyContactKind(database.db, { id: school, kind: { label: "学校（担任）", sortOrder: 5, active: false }, at: at("2024-08-05T10:00") }, admin)).ok).toBe(true);
    expect(await labels()).not.toContain("学校（担任）");
    expect(await labels(true)).toContain("学校（担任）");
    const consultationId = (await youthWrites(database.db, keyring, "こわい", { at: at("2024-08-10T20:00") })).consultationId;
    await claimConsultation(database.db, consultationId, alice, { at: at("2024-08-10T20:01"), maxActive: 10 });
    const { emergencyId } = await startEmergency(database.db, { consultationId, at: at("2024-08-10T20:02") }, alice);
    expect(await addEmergencyContact(database.db, { emergencyId, contact: { kindId: school, contactedAt: "2024-08-10T20:10" }, at: at("2024-08-10T20:10") }, alice, keyring)).toEqual({ ok: false, fieldErrors: { kindId: "連絡先を選び直してください。" } });
    const report = await buildMonthlyReport(database.db, { month: "2024-08", at: at("2024-09-10T09:00") });
    expect(report.emergenciesByContact.find((row) => row.label === "学校（担任）")).toMatchObject({ count: 1 });
    expect((await saveEmergencyContactKind(database.db, { id: school, kind: { label: "学校（担任）", sortOrder: 5, active: true }, at: at("2024-08-06T10:00") }, admin)).ok).toBe(true);
    expect(await labels()).toContain("学校（担任）");
    const changes = (await listAudit(database.db)).filter((row) => row.action === "emergency_contact_kind.changed" && row.target === `emergency_contact_kind:${school}`);
    expect(changes.map((row) => (row.details as { active: boolean }).active)).toEqual([true, false, true]);
  });
});
