import { spawn, type ChildProcess } from "node:child_process";
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
 * a bare baseline (./baseline-server.ts: node:http and the signature check only, outside the product). Target: p99 < 100 ms at 200 events/s on
 * PostgreSQL, and at least half the baseline's throughput.
 */
const RATE = Number(process.env.BENCH_RATE ?? 200);
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
const baselineServer: Target = { args: ["--import", "tsx", "scripts/bench/baseline-server.ts"], probe: "/", env: {} };

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

async function stopTarget(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function measure(label: string, route: string, target: Target) {
  const child = await startTarget(target);
  const url = new URL(`http://127.0.0.1:${PORT}${route}`);
  await runFlatOut(url, 4, 3, signedEvent); // warm-up: JIT and connection pools
  const atRate = await runAtRate(url, RATE, SECONDS, signedEvent);
  const flatOut = await runFlatOut(url, CONCURRENCY, FLAT_OUT_SECONDS, signedEvent);
  await stopTarget(child);
  console.log(`${label}: at ${RATE}/s p50 ${atRate.p50.toFixed(1)} ms p99 ${atRate.p99.toFixed(1)} ms (${atRate.errors} errors); flat out ${(flatOut.ok / flatOut.seconds).toFixed(0)} events/s`);
  return { label, atRate, flatOut };
}

function row(r: { label: string; atRate: LoadResult; flatOut: LoadResult }, baseline: number): string {
  const throughput = r.flatOut.ok / r.flatOut.seconds;
  return `| ${r.label} | ${r.atRate.p50.toFixed(1)} | ${r.atRate.p99.toFixed(1)} | ${r.atRate.errors} | ${throughput.toFixed(0)} | ${((throughput / baseline) * 100).toFixed(0)}% |`;
}

buildIfStale(process.env);
const dbName = `soudan_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const pgUrl = new URL(adminUrl);
pgUrl.pathname = `/${dbName}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-bench-"));
try {
  const baseline = await measure("baseline (node:http, signature only)", "/", baselineServer);
  const pg = await measure("webhook, PostgreSQL", "/api/line/webhook", app({ DATABASE_URL: pgUrl.toString() }));
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pglite = await measure("webhook, PGlite", "/api/line/webhook", app({ DATA_DIR: dataDir }));
  const base = baseline.flatOut.ok / baseline.flatOut.seconds;
  const pgOk = pg.atRate.p99 < 100 && pg.flatOut.ok / pg.flatOut.seconds >= base / 2;
  writeResultsSection(
    "webhook",
    `## Webhook (\`npm run bench:webhook\`)

${new Date().toISOString()} on ${describeMachine()}; load generator on the same machine.
Each request is one signed text event; the app runs \`next start\` with its inbox worker processing
events meanwhile. Open loop at ${RATE} events/s for ${SECONDS} s (latency to the 200), then flat out with
${CONCURRENCY} concurrent senders for ${FLAT_OUT_SECONDS} s (throughput).

| target | p50 ms at ${RATE}/s | p99 ms at ${RATE}/s | errors | flat-out events/s | of baseline |
|---|---|---|---|---|---|
${row(baseline, base)}
${row(pg, base)}
${row(pglite, base)}

Target (PostgreSQL): p99 < 100 ms at 200 events/s and ≥ 50% of the baseline's throughput: **${pgOk ? "met" : "not met"}**.`,
  );
  console.log("Wrote bench/RESULTS.md");
} finally {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
