import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import ExcelJS from "exceljs";
import { listAudit, readAuditHead } from "@/lib/audit";
import { setClockForTests } from "@/lib/clock";
import { createKeyring } from "@/lib/crypto";
import { buildAnnualReport, buildDailyWorkLog, buildMonthlyReception, buildMonthlyReport, exportReport, formatCell, ReportOutsideServicePeriodError, reportTables, type Report } from "./index";
import { verifyExportedFile } from "@/lib/audit";
import { renderReportCsv } from "./render-report-csv";
import { renderReportXlsx } from "./render-report-xlsx";
import { renderReportPdf } from "./render-report-pdf";
import { buildKnownDataset } from "./testing/known-dataset";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let reports: Report[];
let supervisor: { id: string; loginId: string };
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-reports-"));

function hasTool(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const hasPdftotext = hasTool("pdftotext");
const hasLibreOffice = hasTool("soffice");
// CI installs both (.ci/run); elsewhere say why the check did not run rather than pass silently.
if (!hasPdftotext) console.warn("[exports.test] SKIPPED the PDF text check: pdftotext is missing (apt-get install poppler-utils)");
if (!hasLibreOffice) console.warn("[exports.test] SKIPPED the LibreOffice check: soffice is missing (apt-get install libreoffice-calc-nogui)");

beforeAll(async () => {
  database = await createTestDatabase();
  ({ alice: supervisor } = await buildKnownDataset(database.db, keyring));
  const municipality = "武雄市";
  reports = [
    await buildMonthlyReport(database.db, { month: "2024-08", municipality, at: new Date() }),
    await buildDailyWorkLog(database.db, { month: "2024-08", municipality, at: new Date() }),
    await buildMonthlyReception(database.db, { month: "2024-08", municipality, at: new Date() }),
    await buildAnnualReport(database.db, { fiscalYear: 2024, municipality, at: new Date() }),
  ];
}, 120_000);
afterAll(async () => {
  setClockForTests(null);
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** A head for the renderers called directly; exportReport passes the real one (tested below). */
const fixedHead = { seq: 41, hash: "ab".repeat(32) };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("CSV", () => {
  it("is UTF-8 with a byte-order mark and holds every table's figures", () => {
    const monthly = reports[0]!;
    const csv = renderReportCsv(monthly, fixedHead);
    expect(csv.startsWith("\uFEFF月例報告書（2024年8月）\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toContain("相談受付件数（アクセス）,8,2,6");
    expect(lines).toContain("緊急対応,1,0,1");
    expect(lines).toContain("中学生,1");
    expect(lines).toContain("記録なし,4");
    expect(lines).toContain("待ち時間（受付〜担当、時間内受付）,5,5,8,4.6");
    for (const report of reports) {
      const text = renderReportCsv(report, fixedHead);
      for (const table of reportTables(report)) {
        expect(text).toContain(`\r\n${table.title}\r\n`);
        for (const row of table.rows) expect(text).toContain(row.map((cell) => formatCell(cell)).map((v) => (/[",]/.test(v) ? `"${v}"` : v)).join(","));
      }
    }
  });

  it("keeps 所見 and cover text that starts like a formula as text in Excel", () => {
    const monthly = reports[0]!;
    if (monthly.kind !== "monthly") throw new Error("the first report is the monthly one");
    const typed = { ...monthly, remarks: "=HYPERLINK(\"http://example.com\")", cover: { ...monthly.cover, addressee: "@SUM(A1)", businessName: "+1" } };
    const lines = renderReportCsv(typed, fixedHead).slice(1).split("\r\n");
    expect(lines).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    expect(lines).toContain("'@SUM(A1) 様");
    expect(lines).toContain("'+1");
    expect(lines.some((l) => /^[=+\-@]/.test(l))).toBe(false);
  });
});

describe("PDF", () => {
  it.skipIf(!hasPdftotext)("has the Japanese headings, the municipality, page numbers and the same figures (pdftotext)", async () => {
    for (const report of reports) {
      const file = path.join(workDir, `${report.kind}.pdf`);
      const pdf = await renderReportPdf(report, fixedHead);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      fs.writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
      expect(text).toContain(`${report.title}（${report.periodLabel}）`);
      expect(text).toContain("武雄市");
      expect(text).toMatch(/1 \/ \d+ ページ/);
      const lines = text.split("\n");
      for (const table of reportTables(report)) {
        expect(text, table.title).toContain(table.title);
        for (const row of table.rows) {
          // Long labels wrap inside their cell; the figures stand on the row's first line, after the label's start.
          const label = formatCell(row[0] ?? null).slice(0, 4);
          const figures = row.slice(1).filter((cell) => typeof cell === "number" || cell === null);
          const pattern = new RegExp(`${escape(label)}.*${figures.map((cell) => `(?<![\\d.])${escape(formatCell(cell))}(?![\\d.])`).join(".*")}`);
          expect(lines.some((line) => pattern.test(line)), `${table.title}: ${row.join(" ")}`).toBe(true);
        }
      }
    }
  }, 60_000);
});

describe("Excel workbook", () => {
  it.skipIf(!hasLibreOffice)("opens in LibreOffice with a sheet per table under Japanese names and the same figures", async () => {
    for (const report of [reports[0]!, reports[3]!]) {
      const file = path.join(workDir, `${report.kind}.xlsx`);
      fs.writeFileSync(file, await renderReportXlsx(report, fixedHead));
      const outDir = path.join(workDir, `${report.kind}-csv`);
      // Every sheet to its own UTF-8 CSV (last token -1), cells as shown; a private profile so parallel runs do not collide.
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${workDir}/lo-profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", outDir, file],
        { stdio: "ignore", timeout: 120_000 },
      );
      for (const table of reportTables(report)) {
        const sheetFile = path.join(outDir, `${report.kind}-${table.sheetName}.csv`);
        expect(fs.existsSync(sheetFile), sheetFile).toBe(true);
        const rows = fs
          .readFileSync(sheetFile, "utf8")
          .replace(/^\uFEFF/, "")
          .split(/\r?\n/)
          .filter((line) => line !== "");
        expect(rows[0]).toContain(report.title);
        expect(rows[2]).toContain(table.title);
        const parse = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, "").replaceAll('""', '"'));
        expect(parse(rows[3]!)).toEqual(table.columns);
        expect(rows.slice(4).map(parse)).toEqual(table.rows.map((row) => row.map((cell) => formatCell(cell))));
      }
    }
    const summary = fs.readFileSync(path.join(workDir, "monthly-csv", "monthly-概要.csv"), "utf8");
    expect(summary).toContain("相談受付件数（アクセス）,8,2,6");
  }, 180_000);
});

describe("exportReport", () => {
  it("builds, renders and audits each export with who, which report and which format", async () => {
    const exported = await exportReport(database.db, { kind: "monthly", period: "2024-08", format: "csv" }, { actor: supervisor }, { municipality: "武雄市", at: new Date() });
    expect(exported).toMatchObject({ contentType: "text/csv; charset=utf-8", filename: "soudan-monthly-2024-08.csv", title: "月例報告書_2024-08.csv" });
    expect(exported.body.toString("utf8")).toContain("相談受付件数（アクセス）,8,2,6");
    const [entry] = await listAudit(database.db, 1);
    expect(entry).toMatchObject({ action: "report.exported", actorId: supervisor.id, actorLogin: supervisor.loginId, target: "report:monthly:2024-08", details: { kind: "monthly", period: "2024-08", format: "csv" } });
    expect(entry!.details.sha256).toBe(createHash("sha256").update(exported.body).digest("hex"));
    expect(await verifyExportedFile(database.db, exported.body)).toMatchObject({ known: true, by: supervisor.loginId, target: "report:monthly:2024-08" });
    expect(await verifyExportedFile(database.db, Buffer.concat([exported.body, Buffer.from(" ")]))).toMatchObject({ known: false });
  });

  it("refuses a period outside the service period instead of a file of zeros, and audits nothing", async () => {
    const before = await readAuditHead(database.db);
    await expect(exportReport(database.db, { kind: "monthly", period: "2024-06", format: "pdf" }, { actor: supervisor }, { at: new Date() })).rejects.toBeInstanceOf(ReportOutsideServicePeriodError);
    expect(await readAuditHead(database.db)).toEqual(before);
  });

  it("answers `npm run report -- verify FILE` in Japanese, non-zero for an unknown file", () => {
    const unknown = path.join(workDir, "unknown.csv");
    fs.writeFileSync(unknown, "誰かが作ったファイル");
    let status = 0;
    let output = "";
    try {
      // The command opens its own embedded database: an empty audit log knows no file.
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(workDir, "cli") };
      delete env.DATABASE_URL;
      execFileSync("npx", ["tsx", "scripts/report.ts", "verify", unknown], { encoding: "utf8", env, stdio: "pipe" });
    } catch (error) {
      status = (error as { status: number }).status;
      output = String((error as { stdout: string }).stdout);
    }
    expect(status).toBe(1);
    expect(output).toContain("監査ログに記録がありません");
  }, 120_000);

  it.skipIf(!hasPdftotext)("names in every format the audit head it was made at, the row before its own audit entry", async () => {
    const request = { kind: "monthly", period: "2024-08" } as const;
    const by = { actor: supervisor };
    const options = { municipality: "武雄市", at: new Date() };
    const lineOf = (head: { seq: number; hash: string }) => `監査ログ 第${head.seq}件（${head.hash.slice(0, 12)}）の時点で作成`;

    let head = await readAuditHead(database.db);
    const csv = await exportReport(database.db, { ...request, format: "csv" }, by, options);
    expect(csv.body.toString("utf8").endsWith(`\r\n\r\n${lineOf(head)}\r\n`)).toBe(true);
    expect((await readAuditHead(database.db)).seq).toBe(head.seq + 1);

    head = await readAuditHead(database.db);
    const xlsx = await exportReport(database.db, { ...request, format: "xlsx" }, by, options);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets) expect(sheet.headerFooter.oddFooter).toBe(`&L${lineOf(head)}&C&P / &N`);

    head = await readAuditHead(database.db);
    const pdf = await exportReport(database.db, { ...request, format: "pdf" }, by, options);
    const file = path.join(workDir, "with-head.pdf");
    fs.writeFileSync(file, pdf.body);
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toContain(lineOf(head));
    expect(text).toMatch(/1 \/ \d+ ページ/);
  }, 60_000);
});
