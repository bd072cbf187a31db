import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { buildIfStale } from "../build-if-stale";
import { runAtRate, runFlatOut, type LoadResult } from "./load";
import { describeMachine, writeResultsSection } from "./results-file";

/**
 * npm run bench:webhook — signed events against the real webhook on PostgreSQL and on PGlite, beside
 * the bare route (./baseline-app: the same Next.js and signature check, no database, outside the product).
 * Targets: PostgreSQL p99 < 50 ms at 200 events/s and at least 70% of the baseline's throughput;
 * PGlite (the embedded default) p99 < 500 ms at 100 events/s and at least 300 events/s flat out; the
 * app's peak RSS under 400 MB.
 */
const RATE = Number(process.env.BENCH_RATE ?? 200);
const PGLITE_RATE = Number(process.env.BENCH_PGLITE_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const FLAT_OUT_SECONDS = Number(process.env.BENCH_FLAT_SECONDS ?? 10);
const CONCURRENCY = 16;
const PORT = Number(process.env.BENCH_PORT ?? 3610);
const secret = randomBytes(16).toString("hex");
const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let counter = 0;
function signedEvent() {
  counter++;
  const body = JSON.stringify({
    destination: "Ubench",
    events: [
      {
        type: "message",
        webhookEventId: `01BENCH${process.pid}${String(counter).padStart(14, "0")}`,
        timestamp: Date.now(),
        mode: "active",
        replyToken: randomBytes(16).toString("hex"),
        deliveryContext: { isRedelivery: false },
        source: { type: "user", userId: `U${String(counter % 200).padStart(32, "0")}` },
        message: { id: String(counter), type: "text", text: "ベンチマークのメッセージです" },
      },
    ],
  });
  return { body, headers: { "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") } };
}

/** A target is a process serving on PORT: `probe` answers 200 once it is ready. */
type Target = { args: string[]; probe: string; env: Record<string, string> };

// next itself, not npx: stopping it must free the port before the next target starts.
const app = (env: Record<string, string>): Target => ({ args: ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], probe: "/api/health", env });
const BASELINE_APP = "scripts/bench/baseline-app";
const baselineApp: Target = { args: ["node_modules/next/dist/bin/next", "start", BASELINE_APP, "-p", String(PORT)], probe: "/api/health", env: {} };

/** The bare route's app is built once; it is only the framework and the signature check. */
function buildBaselineApp(): void {
  if (fs.existsSync(path.join(BASELINE_APP, ".next", "BUILD_ID"))) return;
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", BASELINE_APP], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error("the baseline app did not build");
}

async function startTarget(target: Target): Promise<ChildProcess> {
  const child = spawn(process.execPath, target.args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), LINE_CHANNEL_SECRET: secret, SOUDAN_ENCRYPTION_KEY: randomBytes(32).toString("base64"), ...target.env },
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}${target.probe}`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${target.args.join(" ")} did not start`);
}

/** The process's peak resident set (VmHWM), in MB: Linux only, null elsewhere. */
function peakRssMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

async function stopTarget(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

type Measured = { label: string; rate: number; atRate: LoadResult; flatOut: LoadResult; peakRssMb: number | null };

async function measure(label: string, route: string, target: Target, rate: number): Promise<Measured> {
  const child = await startTarget(target);
  const url = new URL(`http://127.0.0.1:${PORT}${route}`);
  await runFlatOut(url, 4, 3, signedEvent); // warm-up: JIT and connection pools
  const atRate = await runAtRate(url, rate, SECONDS, signedEvent);
  const flatOut = await runFlatOut(url, CONCURRENCY, FLAT_OUT_SECONDS, signedEvent);
  const peak = peakRssMb(child.pid!);
  await stopTarget(child);
  console.log(
    `${label}: at ${rate}/s p50 ${atRate.p50.toFixed(1)} ms p99 ${atRate.p99.toFixed(1)} ms (${atRate.errors} errors); flat out ${(flatOut.ok / flatOut.seconds).toFixed(0)} events/s; peak RSS ${peak?.toFixed(0) ?? "?"} MB`,
  );
  return { label, rate, atRate, flatOut, peakRssMb: peak };
}

const throughputOf = (r: Measured) => r.flatOut.ok / r.flatOut.seconds;

function row(r: Measured, baseline: number): string {
  const throughput = throughputOf(r);
  return `| ${r.label} | ${r.rate} | ${r.atRate.p50.toFixed(1)} | ${r.atRate.p99.toFixed(1)} | ${r.atRate.errors} | ${throughput.toFixed(0)} | ${((throughput / baseline) * 100).toFixed(0)}% | ${r.peakRssMb?.toFixed(0) ?? "?"} |`;
}

const verdict = (ok: boolean) => `**${ok ? "met" : "not met"}**`;

buildIfStale(process.env);
buildBaselineApp();
const dbName = `soudan_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const pgUrl = new URL(adminUrl);
pgUrl.pathname = `/${dbName}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-bench-"));
try {
  const baseline = await measure("bare route (Next.js, signature only)", "/api/line/webhook", baselineApp, RATE);
  const pg = await measure("webhook, PostgreSQL", "/api/line/webhook", app({ DATABASE_URL: pgUrl.toString() }), RATE);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pglite = await measure("webhook, PGlite (persisted in DATA_DIR)", "/api/line/webhook", app({ DATA_DIR: dataDir }), PGLITE_RATE);
  const base = throughputOf(baseline);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  writeResultsSection(
    "webhook",
    `## Webhook (\`npm run bench:webhook\`)

${new Date().toISOString()} on ${describeMachine()}; load generator on the same machine (load average at the end: ${load}).
Each request is one signed text event; the app runs \`next start\` with its inbox worker processing
events meanwhile. Open loop at the rate shown for ${SECONDS} s (latency to the 200), then flat out with
${CONCURRENCY} concurrent senders for ${FLAT_OUT_SECONDS} s (throughput). Peak RSS is the app process's VmHWM.

| target | events/s | p50 ms | p99 ms | errors | flat-out events/s | of baseline | peak RSS MB |
|---|---|---|---|---|---|---|---|
${row(baseline, base)}
${row(pg, base)}
${row(pglite, base)}

- PostgreSQL: p99 < 50 ms at 200 events/s and ≥ 70% of the baseline's throughput: ${verdict(pg.atRate.p99 < 50 && pg.atRate.errors === 0 && throughputOf(pg) >= base * 0.7)}.
- PGlite: p99 < 500 ms at 100 events/s and ≥ 300 events/s flat out: ${verdict(pglite.atRate.p99 < 500 && pglite.atRate.errors === 0 && throughputOf(pglite) >= 300)}.
- Peak RSS < 400 MB: ${verdict([pg, pglite].every((r) => r.peakRssMb !== null && r.peakRssMb < 400))}.`,
  );
  console.log("Wrote bench/RESULTS.md");
} finally {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
