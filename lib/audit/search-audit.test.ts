import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultations, staff, youths } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { setClockForTests } from "@/lib/clock";
import { appendAudit, exportAuditLog, listAudit, searchAudit, verifyExportedFile, AUDIT_PAGE_SIZE } from "./index";

let database: Database;
let hanako: { id: string; loginId: string };
let taro: { id: string; loginId: string };
let consultationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [hanako, taro] = (await db
    .insert(staff)
    .values([
      { loginId: "hanako", displayName: "相談 花子", role: "counselor", passwordHash: "x" },
      { loginId: "taro", displayName: "管理 太郎", role: "admin", passwordHash: "x" },
    ])
    .returning({ id: staff.id, loginId: staff.loginId })) as [{ id: string; loginId: string }, { id: string; loginId: string }];
  const [youth] = await db.insert(youths).values({ lineUserHash: "h", lineUserIdEnc: "enc", pseudonym: "あおぞら7" }).returning({ id: youths.id });
  const [consultation] = await db.insert(consultations).values({ youthId: youth!.id, channel: "line", openedAt: new Date("2026-04-01T00:00:00Z") }).returning({ id: consultations.id });
  consultationId = consultation!.id;
  // In Japan: 08:59:59 and 23:59:59 on 1 April, then 00:00 on 2 April, which is another day.
  const at = (iso: string) => setClockForTests(new Date(iso));
  at("2026-03-31T23:59:59Z");
  await appendAudit(db, { action: "consultation.claimed", actor: hanako, target: `consultation:${consultationId}` });
  at("2026-04-01T14:59:59Z");
  await appendAudit(db, { action: "auth.sign_in_failed", actorLabel: "=cmd|' /C calc'!A0", details: { reason: "unknown_user" } });
  at("2026-04-01T15:00:00Z");
  await appendAudit(db, { action: "staff.role_changed", actor: taro, target: `staff:${hanako.id}`, details: { loginId: "hanako", from: "counselor", to: "supervisor" } });
  for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await appendAudit(db, { action: "records.listed", actor: taro, details: { month: "2026-03", page: 1, shown: i, total: 60 } });
  setClockForTests(null);
});
afterAll(async () => {
  await database.close();
});

describe("searching the audit log", () => {
  it("pages newest first and describes each entry in words", async () => {
    const first = await searchAudit(database.db, {});
    expect(first).toMatchObject({ total: 3 + AUDIT_PAGE_SIZE + 5, page: 1, pages: 2 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ actor: "管理 太郎", action: "記録の一覧の閲覧" });
    const last = await searchAudit(database.db, { page: 2 });
    expect(last.entries.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(last.entries.at(-1)).toMatchObject({ actor: "相談 花子", action: "相談の担当", target: "相談（あおぞら7）", details: [] });
    // jsonb keeps its own key order, so the lines are compared as a set.
    const roleChange = last.entries.at(-3)!;
    expect(roleChange.target).toBe("スタッフ（相談 花子）");
    expect(roleChange.details).toHaveLength(3);
    expect(roleChange.details).toEqual(expect.arrayContaining([{ label: "ログインID", value: "hanako" }, { label: "変更前・引き継ぎ元", value: "相談員" }, { label: "変更後・引き継ぎ先", value: "業務責任者" }]));
    // A page past the end shows the last page.
    expect((await searchAudit(database.db, { page: 99 })).page).toBe(2);
  });

  it("filters by kind of action and by person, as actor or as the one acted on", async () => {
    expect((await searchAudit(database.db, { action: "staff.role_changed" })).entries.map((e) => e.seq)).toEqual([3]);
    const aboutHanako = await searchAudit(database.db, { personId: hanako.id });
    expect(aboutHanako.entries.map((e) => e.seq)).toEqual([3, 1]);
    expect((await searchAudit(database.db, { personId: taro.id })).total).toBe(1 + AUDIT_PAGE_SIZE + 5);
  });

  it("filters by calendar days in Japan, both ends included", async () => {
    expect((await searchAudit(database.db, { from: "2026-04-01", to: "2026-04-01" })).entries.map((e) => e.seq)).toEqual([2, 1]);
    expect((await searchAudit(database.db, { to: "2026-03-31" })).total).toBe(0);
    expect((await searchAudit(database.db, { from: "2026-04-02", action: "staff.role_changed" })).entries.map((e) => e.seq)).toEqual([3]);
  });

  it("finds words in Japanese action names and detail words, staff names, pseudonyms, login ids and details", async () => {
    const seqs = async (q: string) => (await searchAudit(database.db, { q })).entries.map((e) => e.seq).filter((s) => s <= 3);
    expect(await seqs("役割")).toEqual([3]);
    expect(await seqs("花子")).toEqual([3, 1]);
    expect(await seqs("あおぞら")).toEqual([1]);
    expect(await seqs("unknown_user")).toEqual([2]);
    expect(await seqs("存在しないログイン")).toEqual([2]);
    expect(await seqs("100%_")).toEqual([]);
  });

  it("exports the filter as CSV with a BOM, formulas defused, and audits the export", async () => {
    const file = await exportAuditLog(database.db, { action: "auth.sign_in_failed" }, taro);
    const text = file.body.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("番号,日時,操作者,操作,対象,詳細\r\n");
    expect(text).toContain("サインインの失敗");
    expect(text).toContain("理由: 存在しないログインID");
    expect(text).toContain(`'=cmd|' /C calc'!A0`);
    expect(file).toMatchObject({ rows: 1, contentType: "text/csv; charset=utf-8" });
    const [audited] = await listAudit(database.db, 1);
    expect(audited).toMatchObject({ action: "audit.exported", actorId: taro.id, details: { action: "auth.sign_in_failed", format: "csv", rows: 1 } });
    expect(await verifyExportedFile(database.db, file.body)).toMatchObject({ known: true, action: "audit.exported" });
  });
});
