import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { eraDate, eraFiscalYear, eraMonth } from "./japanese-era";
import { findRemarkWarnings, loadReportCover, loadReportRemarks, saveReportCover, saveReportRemarks } from "./index";

let database: Database;
let admin: { id: string; loginId: string };
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await makeStaff(database.db, "admin", "admin");
}, 60_000);
afterAll(async () => {
  await database.close();
});

describe("和暦", () => {
  it("names months, days and fiscal years by the era, from ICU's calendar", () => {
    expect(eraMonth("2024-08")).toBe("令和6年8月");
    expect(eraMonth("2019-04")).toBe("平成31年4月");
    expect(eraDate("2019-05-01")).toBe("令和元年5月1日");
    expect(eraFiscalYear(2024)).toBe("令和6年");
  });
});

describe("the cover block", () => {
  it("defaults the addressee to the municipality's head, then keeps each admin save as an audited version", async () => {
    expect(await loadReportCover(database.db, { municipality: "武雄市" })).toEqual({ addressee: "武雄市長", businessName: "", contractor: "", manager: "", version: null });
    const refused = await saveReportCover(database.db, { addressee: " ", businessName: "事業", contractor: "あ".repeat(101), manager: "責任者" }, admin, new Date());
    expect(refused).toEqual({ ok: false, fieldErrors: { addressee: "入力してください。", contractor: "100文字以内で入力してください。" } });
    const cover = { addressee: "武雄市長", businessName: "武雄市子ども・若者相談ほっとLINE事業", contractor: "株式会社ソウダン", manager: "山田 花子" };
    expect(await saveReportCover(database.db, cover, admin, new Date())).toEqual({ ok: true, version: 1 });
    expect(await saveReportCover(database.db, { ...cover, manager: "佐藤 一郎" }, admin, new Date())).toEqual({ ok: true, version: 2 });
    expect(await loadReportCover(database.db, { municipality: "武雄市" })).toEqual({ ...cover, manager: "佐藤 一郎", version: 2 });
    const [entry] = await listAudit(database.db, 1);
    expect(entry).toMatchObject({ action: "report.cover_saved", actorId: admin.id, details: { version: 2, changed: ["manager"] } });
  });
});

describe("所見・特記事項", () => {
  it("finds phone numbers and e-mail addresses, full-width ones too", () => {
    expect(findRemarkWarnings("夜の相談が増えた。")).toEqual([]);
    expect(findRemarkWarnings("折り返しは090-1234-5678へ")).toEqual(["phone"]);
    expect(findRemarkWarnings("０９５４（２３）９１１１")).toEqual(["phone"]);
    expect(findRemarkWarnings("taro@example.jp に連絡")).toEqual(["email"]);
    expect(findRemarkWarnings("相談件数は12件、前月より3件増えた")).toEqual([]);
  });

  it("warns before saving contact details, saves versions, refuses a stale save, and audits without the text", async () => {
    const period = "2024-08";
    expect(await loadReportRemarks(database.db, period)).toBeNull();
    const first = { period, body: "連絡先 090-1234-5678", confirmed: false, baseVersion: null };
    expect(await saveReportRemarks(database.db, first, admin, new Date())).toEqual({ ok: false, warnings: ["phone"] });
    expect(await loadReportRemarks(database.db, period)).toBeNull();
    expect(await saveReportRemarks(database.db, { ...first, body: "夏休みは夜の相談が多かった。" }, admin, new Date())).toEqual({ ok: true, version: 1 });
    expect(await saveReportRemarks(database.db, { ...first, confirmed: true, baseVersion: 1 }, admin, new Date())).toEqual({ ok: true, version: 2 });
    expect(await saveReportRemarks(database.db, { period, body: "古い版から", confirmed: false, baseVersion: 1 }, admin, new Date())).toEqual({ ok: false, error: expect.stringContaining("ほかの人が先に") });
    expect(await loadReportRemarks(database.db, period)).toMatchObject({ body: "連絡先 090-1234-5678", version: 2 });
    const [entry] = await listAudit(database.db, 1);
    expect(entry).toMatchObject({ action: "report.remarks_saved", target: "report_remarks:2024-08", details: { period, version: 2, warned: ["phone"] } });
    expect(JSON.stringify(entry)).not.toContain("090-1234-5678");
    expect(await saveReportRemarks(database.db, { period, body: "x".repeat(2001), confirmed: false, baseVersion: 2 }, admin, new Date())).toEqual({ ok: false, error: "2000文字以内で入力してください。" });
  });
});
