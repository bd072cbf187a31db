/**
 * npm run bench:reports — how long the city's reports take over a busy year (issue 7).
 *
 * A fiscal year of 100,000 consultations and 1,000,000 messages (scripts/bench/report-dataset.ts,
 * bulk-inserted: the domain functions would take hours), their timings filled the way an upgraded
 * install fills them (backfillConsultationTimings), then each report built REPEAT times on
 * PostgreSQL (a fresh database, dropped afterwards) and on PGlite (in memory). Targets: monthly < 2 s,
 * annual < 10 s. Figures go to bench/RESULTS.md. BENCH_REPORT_CONSULTATIONS shrinks the year for a
 * quick look; the file then says so.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db/client";
import { createStaff } from "@/lib/auth";
import { now } from "@/lib/clock";
import { backfillConsultationTimings } from "@/lib/consultations";
import { createKeyring } from "@/lib/crypto";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";
import { buildAnnualReception, buildAnnualReport, buildDailyWorkLog, buildMonthlyReception, buildMonthlyReport } from "@/lib/reports";
import { buildFiscalYearPreset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { insertReportDataset } from "./report-dataset";
import { describeMachine, writeResultsSection } from "./results-file";

const FISCAL_YEAR = 2024;
const MONTH = "2024-08";
const CONSULTATIONS = Number(process.env.BENCH_REPORT_CONSULTATIONS ?? 100_000);
const MESSAGES_PER_CONSULTATION = 10;
const REPEAT = 3;
const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Timed = { name: string; target: number | null; runs: number[] };

const reports: { name: string; target: number | null; build: (database: Database) => Promise<unknown> }[] = [
  { name: `月例報告書 ${MONTH}`, target: 2_000, build: (d) => buildMonthlyReport(d.db, { month: MONTH, at: now() }) },
  { name: `業務日誌 ${MONTH}`, target: 2_000, build: (d) => buildDailyWorkLog(d.db, { month: MONTH, at: now() }) },
  { name: `月例受付状況 ${MONTH}`, target: 2_000, build: (d) => buildMonthlyReception(d.db, { month: MONTH, at: now() }) },
  { name: `年度報告書 ${FISCAL_YEAR}`, target: 10_000, build: (d) => buildAnnualReport(d.db, { fiscalYear: FISCAL_YEAR, at: now() }) },
  { name: `年度受付状況 ${FISCAL_YEAR}`, target: 10_000, build: (d) => buildAnnualReception(d.db, { fiscalYear: FISCAL_YEAR, at: now() }) },
];

async function fill(database: Database, label: string): Promise<number> {
  await database.migrate();
  await ensureFormVersions(database.db);
  await ensureRiskLexicon(database.db);
  await ensureSafetyContacts(database.db);
  await ensureEmergencyContactKinds(database.db);
  await saveSchedule(database.db, buildFiscalYearPreset(FISCAL_YEAR), null, now(), "bench");
  const counselorIds: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const { id } = await createStaff(database.db, { loginId: `bench-c${i}`, displayName: `bench ${i}`, role: "counselor", qualifications: ["social_worker"], password: "bench password 0001" }, null);
    counselorIds.push(id);
  }
  const started = performance.now();
  await insertReportDataset(database.db, {
    fiscalYear: FISCAL_YEAR,
    consultations: CONSULTATIONS,
    messagesPerConsultation: MESSAGES_PER_CONSULTATION,
    counselorIds,
    keyring: createKeyring(randomBytes(32).toString("base64")),
    onProgress: (done) => process.stdout.write(`\r${label}: ${done} consultations inserted`),
  });
  const timings = await backfillConsultationTimings(database.db, new Date());
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${label}: dataset and ${timings} timings in ${seconds.toFixed(0)} s`);
  return seconds;
}

async function time(database: Database): Promise<Timed[]> {
  const results: Timed[] = [];
  for (const report of reports) {
    const runs: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const started = performance.now();
      await report.build(database);
      runs.push(performance.now() - started);
    }
    results.push({ name: report.name, target: report.target, runs });
  }
  return results;
}

async function onPostgres(): Promise<{ results: Timed[]; loadSeconds: number }> {
  const name = `soudan_bench_reports_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 4 });
  try {
    const loadSeconds = await fill(database, "PostgreSQL");
    await database.db.execute("analyze");
    return { results: await time(database), loadSeconds };
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onPglite(): Promise<{ results: Timed[]; loadSeconds: number }> {
  const database = await openDatabase({ kind: "pglite", dataDir: null, holder: "bench:reports" });
  try {
    const loadSeconds = await fill(database, "PGlite");
    await database.db.execute("analyze");
    return { results: await time(database), loadSeconds };
  } finally {
    await database.close();
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;

function table(label: string, results: Timed[], loadSeconds: number): string {
  const rows = results.map((r) => {
    const best = Math.min(...r.runs);
    const verdict = r.target === null ? "" : best < r.target ? `met (< ${r.target / 1000} s)` : `**missed** (< ${r.target / 1000} s)`;
    return `| ${r.name} | ${ms(best)} | ${ms(Math.max(...r.runs))} | ${verdict} |`;
  });
  return [`**${label}** (dataset and timings loaded in ${loadSeconds.toFixed(0)} s)`, "", "| report | best of 3 | worst of 3 | target |", "|---|---|---|---|", ...rows].join("\n");
}

const pg = await onPostgres();
const lite = await onPglite();
const body = [
  "## Reports (`npm run bench:reports`)",
  "",
  `${describeMachine()}. ${CONSULTATIONS.toLocaleString("en")} consultations and ${(CONSULTATIONS * MESSAGES_PER_CONSULTATION).toLocaleString("en")} messages over fiscal year ${FISCAL_YEAR}, bulk-inserted (scripts/bench/report-dataset.ts), timings filled by backfillConsultationTimings; each report built ${REPEAT} times.${CONSULTATIONS === 100_000 ? "" : " **Reduced dataset (BENCH_REPORT_CONSULTATIONS): not the issue's figures.**"}`,
  "",
  table("PostgreSQL 15", pg.results, pg.loadSeconds),
  "",
  table("PGlite (in memory)", lite.results, lite.loadSeconds),
].join("\n");
writeResultsSection("bench-reports", body);
console.log(body);
