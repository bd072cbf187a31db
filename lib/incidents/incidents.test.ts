import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidents } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { listAudit, verifyExportedFile } from "@/lib/audit";
import { createStaff, type Actor } from "@/lib/auth";
import { createKeyring } from "@/lib/crypto";
import { exportIncidentReport, IncidentChangedError, incidentInputSchema, listIncidents, saveIncident } from "./index";
import { viewIncident } from "./view-incident";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const at = new Date("2025-06-02T09:00:00+09:00");
let database: TestDatabase;
let sue: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const { id } = await createStaff(database.db, { loginId: "sue", displayName: "佐藤", role: "supervisor", qualifications: ["social_worker"], password: "long enough password" }, null);
  sue = { id, loginId: "sue" };
});
afterAll(async () => {
  await database.close();
});

const misdelivery = { kind: "misdelivery", discoveredAt: "2025-06-01T18:20", scope: "相談者1名への返信を別の相談者に送った", actions: "送信を取り消し、受け取った方に削除を依頼した", cityNotifiedAt: "" } as const;

describe(`incident register (${testDatabaseKind()})`, () => {
  it("explains each bad field in Japanese", () => {
    const result = incidentInputSchema.safeParse({ kind: "", discoveredAt: "6/1", scope: " ", actions: "", cityNotifiedAt: "2025-05-01T10:00" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toMatchObject({ kind: "種類を選んでください。", discoveredAt: expect.stringContaining("発見した日時"), scope: "範囲を入力してください。", actions: "とった対応を入力してください。" });
    const early = incidentInputSchema.safeParse({ ...misdelivery, cityNotifiedAt: "2025-06-01T18:00" });
    expect(early.error?.issues[0]?.message).toBe("市へ報告した日時は、発見した日時より後にしてください。");
  });

  it("records an incident encrypted, then saves the time the city was told; both audited with the kind, the times and the changed fields, without the scope", async () => {
    const recorded = await saveIncident(database.db, misdelivery, sue, { keyring, at });
    const id = recorded.id;
    const [stored] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(stored!.scopeEnc).not.toContain("相談者");
    expect((await viewIncident(database.db, id, keyring))?.cityNotifiedAt).toBeNull();

    await saveIncident(database.db, { ...misdelivery, id, updatedAt: recorded.updatedAt, cityNotifiedAt: "2025-06-01T19:05" }, sue, { keyring, at: new Date(at.getTime() + 60_000) });
    const [listed] = await listIncidents(database.db, sue, keyring);
    expect(listed).toMatchObject({ id, kind: "misdelivery", scope: misdelivery.scope, recordedByName: "佐藤", updatedByName: "佐藤" });
    expect(listed!.cityNotifiedAt?.toISOString()).toBe("2025-06-01T10:05:00.000Z");

    const audit = (await listAudit(database.db, 10)).filter((r) => r.target === `incident:${id}`);
    expect(audit.map((r) => r.action).sort()).toEqual(["incident.recorded", "incident.updated"]);
    expect(audit.find((r) => r.action === "incident.recorded")?.details).toEqual({ kind: "misdelivery", discoveredAt: "2025-06-01T09:20:00.000Z", cityNotifiedAt: null });
    expect(audit.find((r) => r.action === "incident.updated")?.details).toEqual({ kind: "misdelivery", discoveredAt: "2025-06-01T09:20:00.000Z", cityNotifiedAt: "2025-06-01T10:05:00.000Z", changed: ["cityNotifiedAt"] });
    expect(JSON.stringify(audit)).not.toContain("相談者1名");
  });

  it("refuses a save from a form loaded before someone else's save, and keeps their change", async () => {
    const first = await saveIncident(database.db, { ...misdelivery, kind: "loss" }, sue, { keyring, at });
    const theirs = await saveIncident(database.db, { ...misdelivery, kind: "loss", id: first.id, updatedAt: first.updatedAt, actions: "相手の方に電話した" }, sue, { keyring, at: new Date(at.getTime() + 60_000) });
    await expect(saveIncident(database.db, { ...misdelivery, kind: "loss", id: first.id, updatedAt: first.updatedAt, actions: "古い画面からの変更" }, sue, { keyring, at: new Date(at.getTime() + 120_000) })).rejects.toBeInstanceOf(IncidentChangedError);
    const kept = await viewIncident(database.db, first.id, keyring);
    expect(kept).toMatchObject({ actions: "相手の方に電話した", updatedAt: theirs.updatedAt });
    const audit = (await listAudit(database.db, 10)).filter((r) => r.target === `incident:${first.id}`);
    expect(audit.map((r) => r.action).sort()).toEqual(["incident.recorded", "incident.updated"]);
    expect(audit.find((r) => r.action === "incident.updated")?.details).toMatchObject({ changed: ["actions"] });
  });

  it("audits each listing of the register with the count only", async () => {
    const listed = await listIncidents(database.db, sue, keyring);
    const [row] = await listAudit(database.db, 1);
    expect(row).toMatchObject({ action: "incident.listed", actorLogin: "sue", target: null, details: { count: listed.length } });
    expect(listed.length).toBeGreaterThan(0);
    expect(JSON.stringify(row)).not.toContain("相談者");
  });

  it("prints the 事故報告書 PDF (pdftotext), audited", async () => {
    const { id } = await saveIncident(database.db, { ...misdelivery, kind: "leak", discoveredAt: "2025-06-03T08:00", cityNotifiedAt: "2025-06-03T09:30" }, sue, { keyring, at });
    const exported = await exportIncidentReport(database.db, { incidentId: id }, sue, { keyring, municipality: "武雄市" });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "soudan-incident-")), "report.pdf");
    fs.writeFileSync(file, exported.body);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    for (const expected of ["事故報告書", "武雄市", "漏えい", "2025年6月3日 08:00", "2025年6月3日 09:30", "佐藤"]) expect(text).toContain(expected);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "incident.report_exported", target: `incident:${id}`, details: { kind: "leak", format: "pdf" } });
    expect(await verifyExportedFile(database.db, exported.body)).toMatchObject({ known: true, action: "incident.report_exported" });
  });
});
