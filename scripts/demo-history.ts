import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { seedDemoStaff } from "./seed-demo-staff";
import { createKeyring } from "@/lib/crypto";
import { seedExampleAgencies } from "@/lib/agencies";
import { fiscalYearOf } from "@/lib/calendar";
import { now } from "@/lib/clock";
import { buildFiscalYearPreset, takeo2024Preset, type Schedule } from "@/lib/schedule";
import { loadCurrentSchedule, saveSchedule } from "@/lib/schedule/store";
import { openCliDatabase } from "./cli-database";
import { whyNotDemoDatabase } from "./history/assert-demo-database";
import { generateHistory, HistoryExistsError } from "./history/generate-history";

/**
 * `npm run demo:history -- --from 2024-07-22 --to 2025-03-31 --seed 42`: fills the demo's database
 * with a realistic past through the product's own functions, so the reports have something to show.
 * Refuses a database with real data unless --force; a seed already generated is refused (see
 * docs/OPERATIONS.md).
 */
const usage = "usage: npm run demo:history -- --from YYYY-MM-DD --to YYYY-MM-DD [--seed N] [--force]";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, seed: { type: "string", default: "42" }, force: { type: "boolean", default: false } } }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const date = z.iso.date();
if (!args.from || !date.safeParse(args.from).success) fail(`--from must be a date YYYY-MM-DD\n${usage}`);
if (!args.to || !date.safeParse(args.to).success) fail(`--to must be a date YYYY-MM-DD\n${usage}`);
if (args.from > args.to) fail(`--from ${args.from} is after --to ${args.to}`);
if (!/^\d{1,9}$/.test(args.seed)) fail(`--seed must be a whole number, got "${args.seed}"`);
const from = args.from;
const to = args.to;
const seed = Number(args.seed);

// The demo keeps its key in DATA_DIR; its data is only readable with it.
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
const secretsFile = path.join(dataDir, "demo-secrets.json");
if (!process.env.SOUDAN_ENCRYPTION_KEY && !process.env.DATABASE_URL && fs.existsSync(secretsFile)) {
  process.env.SOUDAN_ENCRYPTION_KEY = (JSON.parse(fs.readFileSync(secretsFile, "utf8")) as { encryptionKey: string }).encryptionKey;
}
if (!process.env.SOUDAN_ENCRYPTION_KEY) fail(`No encryption key: run \`npm run demo\` once (it creates ${secretsFile}), or set SOUDAN_ENCRYPTION_KEY.`);

/** The schedule the period ran under: the one in force if it covers it, else the contract's or the fiscal year's. */
function scheduleCovering(current: Schedule | null): { schedule: Schedule; stored: boolean } | null {
  const covers = (s: Schedule) => s.servicePeriod.from <= from && to <= s.servicePeriod.to;
  if (current && covers(current)) return { schedule: current, stored: true };
  if (covers(takeo2024Preset)) return { schedule: takeo2024Preset, stored: false };
  const fiscal = buildFiscalYearPreset(fiscalYearOf(from));
  return covers(fiscal) ? { schedule: fiscal, stored: false } : null;
}

const { database, env } = await openCliDatabase("npm run demo:history", { requireSecrets: true });
try {
  const db = database.db;
  const why = await whyNotDemoDatabase(db);
  if (why && !args.force) fail(`Refusing: this database does not look like the demo's (${why}). Synthetic history must not mix with real records; pass --force only for a throwaway copy.`);
  await seedDemoStaff(db);
  await seedExampleAgencies(db, { at: now() });
  const current = await loadCurrentSchedule(db);
  const covering = scheduleCovering(current?.schedule ?? null);
  if (!covering) fail(`No schedule covers ${from}..${to}: keep the range within one fiscal year, or load a schedule that covers it (npm run schedule -- …).`);
  // Automatic replies read the schedule in force: the simulated period runs under its own, and the
  // demo's current schedule is put back afterwards (both saves are versions in the audit log).
  if (!covering.stored) await saveSchedule(db, covering.schedule, null, now(), `demo history ${from}..${to}: the simulated period's schedule`);
  console.log(`Generating history ${from}..${to} with seed ${seed} on ${database.kind === "pglite" ? `the embedded database in ${dataDir}` : "PostgreSQL"}…`);
  const started = Date.now();
  try {
    const summary = await generateHistory(db, {
      from,
      to,
      seed,
      keyring: createKeyring(env.SOUDAN_ENCRYPTION_KEY!, env.SOUDAN_ENCRYPTION_KEYS_OLD),
      schedule: covering.schedule,
      counselors: ["counselor1", "counselor2", "supervisor"],
      maxActivePerCounselor: env.SOUDAN_MAX_CONSULTATIONS_PER_COUNSELOR,
      inactivityMinutes: env.SOUDAN_INACTIVITY_CLOSE_MINUTES,
      onProgress: (line) => console.log(`  ${line}`),
    });
    console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s:
  staffed sessions     ${summary.sessions}
  youths               ${summary.youths} (follows ${summary.follows}, blocks ${summary.blocks})
  consultations        ${summary.consultations} (${summary.outOfHours} arrived out of hours)
  ended                ${Object.entries(summary.closed).map(([k, v]) => `${k} ${v}`).join(", ")}
  record outcomes      ${Object.entries(summary.outcomes).map(([k, v]) => `${k} ${v}`).join(", ")}
  emergencies          ${summary.emergencies}, referrals ${summary.referrals}
  sharing on record    consents ${summary.consents}, R10 exceptions ${summary.sharingExceptions}
  messages             youth ${summary.youthMessages}, counselor ${summary.counselorMessages}`);
  } finally {
    if (!covering.stored && current) await saveSchedule(db, current.schedule, null, now(), "demo history: the schedule in force before it, restored");
  }
} catch (error) {
  if (error instanceof HistoryExistsError) fail(`${error.message} Generating it again would double every figure; use another --seed, or start over (rm -rf ${dataDir}).`);
  throw error;
} finally {
  await database.close();
}
