import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { seedExampleAgencies } from "@/lib/agencies";
import { verifyExportedFile } from "@/lib/audit";
import { exportReport, saveReportCover, saveReportRemarks } from "@/lib/reports";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { seedDemoStaff } from "../seed-demo-staff";
import { generateHistory } from "./generate-history";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-demo-report-"));
let database: Database | undefined;
afterAll(async () => {
  await database?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

let hasPdftotext = true;
try {
  execFileSync("sh", ["-c", "command -v pdftotext"], { stdio: "ignore" });
} catch {
  hasPdftotext = false;
  console.warn("[monthly-report-pdf.test] SKIPPED: pdftotext is missing (apt-get install poppler-utils)");
}

describe("the monthly report of the demo history, as submitted", () => {
  it.skipIf(!hasPdftotext)("carries the cover block, 令和, 未対応, 相談者の属性, 新規/継続, 自殺念慮, the survey and the 所見 (pdftotext), and verifies as Soudan's", { timeout: 240_000 }, async () => {
    database = await createTestDatabase();
    const db = database.db;
    await seedDemoStaff(db);
    await seedExampleAgencies(db, { at: new Date() });
    await saveSchedule(db, takeo2024Preset, null, new Date(), "test");
    await generateHistory(db, { from: "2024-08-01", to: "2024-08-12", seed: 7, keyring: createKeyring(randomBytes(32).toString("base64")), schedule: takeo2024Preset, counselors: ["counselor1", "counselor2"] });
    const [actor] = await db.select({ id: staff.id, loginId: staff.loginId }).from(staff).where(eq(staff.loginId, "supervisor"));
    if (!actor) throw new Error("the demo staff has no supervisor");
    expect(await saveReportCover(db, { addressee: "武雄市長", businessName: "武雄市子ども・若者相談ほっとLINE事業", contractor: "株式会社ソウダン", manager: "山田 花子" }, actor, new Date())).toMatchObject({ ok: true });
    expect(await saveReportRemarks(db, { period: "2024-08", body: "夏休み中は夜の相談が多かった。", confirmed: false, baseVersion: null }, actor, new Date())).toMatchObject({ ok: true });

    const exported = await exportReport(db, { kind: "monthly", period: "2024-08", format: "pdf" }, { actor }, { municipality: "武雄市", at: new Date("2024-09-05T01:00:00Z") });
    const file = path.join(workDir, exported.filename);
    fs.writeFileSync(file, exported.body);
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    for (const expected of ["提出日 令和6年9月5日", "武雄市長 様", "武雄市子ども・若者相談ほっとLINE事業 月例報告書", "令和6年8月分（2024年8月1日〜2024年8月31日）", "受託者 株式会社ソウダン", "業務責任者 山田 花子", "相談受付件数（アクセス）", "実相談件数", "未対応", "相談時間別", "年代×相談内容", "所見・特記事項", "夏休み中は夜の相談が多かった。", "相談者の属性", "新規", "継続", "平均相談回数", "自殺念慮", "利用者アンケート"]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/（R\d+）/);

    const verdict = await verifyExportedFile(db, exported.body);
    expect(verdict).toMatchObject({ known: true, by: actor.loginId, action: "report.exported", target: "report:monthly:2024-08" });
    const changed = Buffer.from(exported.body);
    changed[changed.length - 10] = changed[changed.length - 10]! ^ 1;
    expect(await verifyExportedFile(db, changed)).toMatchObject({ known: false });
  });
});
