import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { consultations, youths } from "@/db/schema";
import { createStaff } from "@/lib/auth";
import { createKeyring, lookupHash } from "@/lib/crypto";
import { buildIfStale } from "../build-if-stale";
import { describeMachine, writeResultsSection } from "./results-file";

/**
 * npm run bench:console — 100 open consultations, 20 counselor event streams, youth messages at 50/s
 * through the webhook: time from the youth's POST to the event on every counselor's stream, on
 * PostgreSQL. Target: p95 < 250 ms.
 */
const CONSULTATIONS = 100;
const STREAMS = 20;
const RATE = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3620);
const base = `http://127.0.0.1:${PORT}`;
const secret = randomBytes(16).toString("hex");
const key = randomBytes(32).toString("base64");
const password = "bench-console-password";
const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const userIdOf = (i: number) => `U${String(i).padStart(32, "0")}`;
let counter = 0;

async function postText(i: number): Promise<number> {
  counter++;
  const body = JSON.stringify({
    destination: "Ubench",
    events: [
      {
        type: "message",
        webhookEventId: `01CONSOLE${process.pid}${String(counter).padStart(12, "0")}`,
        timestamp: Date.now(),
        mode: "active",
        deliveryContext: { isRedelivery: false },
        source: { type: "user", userId: userIdOf(i) },
        message: { id: `${process.pid}-${counter}`, type: "text", text: "ベンチマークの相談メッセージ" },
      },
    ],
  });
  const sent = performance.now();
  const res = await fetch(`${base}/api/line/webhook`, { method: "POST", body, headers: { "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") } });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  return sent;
}

async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, loginId: "bench", password, json: "true" }),
  });
  return [jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

/** One counselor's stream: calls `onEvent` with each console event's consultation id as it arrives. */
async function openStream(cookie: string, onEvent: (consultationId: string) => void): Promise<() => Promise<void>> {
  const res = await fetch(`${base}/api/console/events`, { headers: { cookie } });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value);
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: console\ndata: (.*)$/m.exec(chunk)?.[1];
        if (data) onEvent((JSON.parse(data) as { consultationId: string }).consultationId);
      }
    }
  })();
  return () => reader.cancel();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

buildIfStale(process.env);
const dbName = `soudan_bench_console_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 2 });
await database.migrate();
await createStaff(database.db, { loginId: "bench", displayName: "ベンチ", role: "counselor", qualifications: ["clinical_psychologist"], password }, null);
const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url.toString(), SOUDAN_ENCRYPTION_KEY: key, SOUDAN_DEMO: "1", LINE_CHANNEL_SECRET: secret },
});
try {
  for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) {
    if (i > 240) throw new Error("the app did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  for (let i = 0; i < CONSULTATIONS; i++) await postText(i);
  const keyring = createKeyring(key);
  const consultationOf = new Map<string, number>();
  while (consultationOf.size < CONSULTATIONS) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < CONSULTATIONS; i++) {
      const [row] = await database.db
        .select({ id: consultations.id })
        .from(consultations)
        .innerJoin(youths, eq(youths.id, consultations.youthId))
        .where(eq(youths.lineUserHash, lookupHash(keyring, userIdOf(i))));
      if (row) consultationOf.set(row.id, i);
    }
  }

  // For each consultation, the send times still waiting for their event, per stream.
  const pending = Array.from({ length: STREAMS }, () => new Map<number, number[]>());
  const latencies: number[] = [];
  const closers = await Promise.all(
    Array.from({ length: STREAMS }, async (_, s) =>
      openStream(await signIn(), (consultationId) => {
        const i = consultationOf.get(consultationId);
        const sent = i === undefined ? undefined : pending[s]!.get(i)?.shift();
        if (sent !== undefined) latencies.push(performance.now() - sent);
      }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const started = Date.now();
  const sends: Promise<void>[] = [];
  for (let n = 0; n < RATE * SECONDS; n++) {
    while (Date.now() - started < (n * 1000) / RATE) await new Promise((resolve) => setTimeout(resolve, 2));
    const i = n % CONSULTATIONS;
    sends.push(
      postText(i).then((sent) => {
        for (const map of pending) map.set(i, [...(map.get(i) ?? []), sent]);
      }),
    );
  }
  await Promise.all(sends);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const close of closers) await close();
  const expected = RATE * SECONDS * STREAMS;
  const sorted = latencies.sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  console.log(`console: ${sorted.length}/${expected} deliveries, p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`);
  writeResultsSection(
    "console",
    `## Console live delivery (\`npm run bench:console\`)

${new Date().toISOString()} on ${describeMachine()}; PostgreSQL 15 on the same machine, load generator too.
${CONSULTATIONS} open consultations, ${STREAMS} counselor event streams (SSE), youth text messages at ${RATE}/s for
${SECONDS} s through the signed webhook. Measured from the youth's POST to the event on each stream
(webhook → inbox → worker → NOTIFY → LISTEN → SSE).

| deliveries | p50 ms | p95 ms |
|---|---|---|
| ${sorted.length} of ${expected} | ${p50.toFixed(0)} | ${p95.toFixed(0)} |

Target: p95 < 250 ms: **${p95 < 250 && sorted.length >= expected * 0.99 ? "met" : "not met"}**.`,
  );
} finally {
  const exited = new Promise((resolve) => app.on("exit", resolve));
  app.kill("SIGTERM");
  await exited;
  await database.close();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
