import fs from "node:fs";
import { parseArgs } from "node:util";
import { auditCheckpointFile, recordAuditCheckpoint, verifyExportedFile } from "@/lib/audit";
import { backfillConsultationTimings } from "@/lib/consultations";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { exportReport, ReportOutsideServicePeriodError, reportRequestSchema, type ReportFormat, type ReportKind } from "@/lib/reports";
import { openCliDatabase } from "./cli-database";

/**
 * `npm run report -- monthly 2024-08 --format pdf --out FILE`: a report file from the command line,
 * for scheduled sending (cron). The export is audited like a download from the report pages, and the
 * audit chain's head is then anchored in DATA_DIR/audit-checkpoints when the key is configured.
 */
const usage = [
  "usage: npm run report -- monthly|daily-log|reception YYYY-MM [--format pdf|xlsx|csv] [--out FILE]",
  "       npm run report -- annual|annual-reception YYYY [--format pdf|xlsx|csv] [--out FILE]",
  "       npm run report -- backfill",
  "       npm run report -- verify FILE   (whether FILE is a file Soudan exported, when and by whom)",
  "The format defaults to the --out file's extension, else pdf; the file name defaults to soudan-<kind>-<period>.<format>.",
].join("\n");

const kinds: Record<string, ReportKind> = {
  monthly: "monthly",
  "daily-log": "daily_log",
  reception: "monthly_reception",
  annual: "annual",
  "annual-reception": "annual_reception",
};
const formats = new Set<ReportFormat>(["pdf", "xlsx", "csv"]);

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { format: { type: "string" }, out: { type: "string" } } });
} catch (error) {
  fail((error as Error).message);
}
const [command, period, ...extra] = parsed.positionals;
if (extra.length > 0) fail(`unexpected arguments: ${extra.join(" ")}`);

if (command === "backfill") {
  const { database } = await openCliDatabase("npm run report");
  const filled = await backfillConsultationTimings(database.db, now());
  await database.close();
  console.log(`Recorded the timings of ${filled} consultations.`);
  process.exit(0);
}

if (command === "verify") {
  const v = ja.reports.verify;
  if (!period) fail(v.usage);
  let body: Buffer;
  try {
    body = fs.readFileSync(period);
  } catch {
    console.error(v.unreadable(period));
    process.exit(2);
  }
  const { database } = await openCliDatabase("npm run report");
  const verdict = await verifyExportedFile(database.db, body);
  await database.close();
  console.log(v.sha256(verdict.sha256));
  if (!verdict.known) {
    console.log(v.unknown);
    process.exit(1);
  }
  const at = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "long", timeStyle: "medium" }).format(verdict.at);
  // What was exported, in words: the kind of download, and for a report which one and for when.
  const [targetKind, reportKind, reportPeriod] = (verdict.target ?? "").split(":");
  const what = ja.audit.actions[verdict.action] ?? verdict.action;
  const reportTitle = targetKind === "report" && reportKind ? ja.reports.titles[reportKind as ReportKind] : undefined;
  console.log(v.known(at, verdict.by ?? "－", reportTitle ? `${what}（${reportTitle} ${reportPeriod}）` : what));
  process.exit(0);
}

const kind = command ? kinds[command] : undefined;
if (!kind) fail(command ? `unknown report "${command}"` : "which report?");
const request = reportRequestSchema.safeParse({ kind, period });
if (!request.success) fail(`${command} needs ${kind === "annual" || kind === "annual_reception" ? "a fiscal year YYYY (2024 = April 2024 to March 2025)" : "a month YYYY-MM"}`);
const extension = parsed.values.out?.split(".").pop()?.toLowerCase();
const format = (parsed.values.format ?? (extension && formats.has(extension as ReportFormat) ? extension : "pdf")) as ReportFormat;
if (!formats.has(format)) fail(`unknown format "${format}"`);

const { database, env } = await openCliDatabase("npm run report");
// Consultations closed before timings were recorded would otherwise be missing from the times.
await backfillConsultationTimings(database.db, now());
let exported;
try {
  exported = await exportReport(database.db, { ...request.data, format }, { actorLabel: "command line" }, { municipality: env.SOUDAN_MUNICIPALITY_NAME ?? null, at: now() });
} catch (error) {
  if (!(error instanceof ReportOutsideServicePeriodError)) throw error;
  await database.close();
  console.error(`${ja.reports.outside.title}\n${ja.reports.outside.body}`);
  process.exit(2);
}
if (env.SOUDAN_ENCRYPTION_KEY) await recordAuditCheckpoint(database.db, { keyring: getKeyring(), file: auditCheckpointFile(env.DATA_DIR), at: now() });
await database.close();
const out = parsed.values.out ?? exported.filename;
fs.writeFileSync(out, exported.body);
console.log(`Wrote ${out} (${exported.body.length} bytes).`);
