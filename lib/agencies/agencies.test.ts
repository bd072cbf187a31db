import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { listCannedResponses, saveCannedResponse, seedExampleCannedResponses } from "@/lib/canned";
import { formatAgency, listAgencies, saveAgency, seedExampleAgencies } from "./index";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("support agencies", () => {
  it("seed as examples once, are searchable by name, phone and topic, and retire without deleting", async () => {
    expect(await seedExampleAgencies(database.db, { at: new Date() })).toBe(5);
    expect(await seedExampleAgencies(database.db, { at: new Date() })).toBe(0);
    const all = await listAgencies(database.db);
    expect(all.every((a) => a.isExample)).toBe(true);
    expect((await listAgencies(database.db, { query: "78310" })).map((a) => a.name)).toEqual(["24時間子供SOSダイヤル"]);
    expect((await listAgencies(database.db, { query: "いじめ" })).map((a) => a.name)).toEqual(["24時間子供SOSダイヤル"]);
    expect(await listAgencies(database.db, { query: "100%" })).toEqual([]);
    const sos = all.find((a) => a.phone === "189")!;
    await saveAgency(database.db, { id: sos.id, name: sos.name, phone: "189", active: false , at: new Date() }, null);
    expect((await listAgencies(database.db)).map((a) => a.id)).not.toContain(sos.id);
    expect((await listAgencies(database.db, { includeInactive: true })).map((a) => a.id)).toContain(sos.id);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "support_agency.changed", target: `support_agency:${sos.id}` });
  });

  it("refuses a nameless agency and a non-http URL, in Japanese", async () => {
    await expect(saveAgency(database.db, { name: " " , at: new Date() }, null)).rejects.toThrow("名称を入力してください。");
    await expect(saveAgency(database.db, { name: "x", url: "javascript:alert(1)" , at: new Date() }, null)).rejects.toThrow("URLは http:// または https:// で始めてください。");
  });

  it("formats what a reply inserts", () => {
    expect(formatAgency({ name: "24時間子供SOSダイヤル", phone: "0120-0-78310", hours: "24時間", url: null })).toBe("24時間子供SOSダイヤル\n電話 0120-0-78310\n受付 24時間");
  });
});

describe("canned responses", () => {
  it("seed once, search title and body, and are audited when changed", async () => {
    expect(await seedExampleCannedResponses(database.db, { at: new Date() })).toBe(5);
    expect((await listCannedResponses(database.db, { query: "安全" })).map((c) => c.title)).toEqual(["安全の確認"]);
    const id = await saveCannedResponse(database.db, { title: "電話への切り替え", body: "お電話で話しませんか？" , at: new Date() }, null);
    expect((await listCannedResponses(database.db, { query: "電話" })).map((c) => c.id)).toEqual([id]);
    await expect(saveCannedResponse(database.db, { title: "", body: "x" , at: new Date() }, null)).rejects.toThrow("見出しを入力してください。");
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "canned_response.changed", target: `canned_response:${id}` });
  });
});
