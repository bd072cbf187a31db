import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import os from "node:os";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { auditLog, consultations, youths } from "@/db/schema";
import { createStaff } from "@/lib/auth";
import { claimConsultation } from "@/lib/consultations";
import { createKeyring, lookupHash } from "@/lib/crypto";
import { buildIfStale } from "../build-if-stale";
import { describeMachine, writeResultsSection } from "./results-file";
import { waitForHealth } from "./wait-for-health";

/**
 * npm run bench:console — what a counselor sees. Two app instances on one PostgreSQL database; 20
 * counselors each hold 3 consultations and have one of them open, 2 supervisors watch the supervisor
 * page; youth text messages arrive at 50/s through the signed webhook, spread over the 60 held
 * consultations and both instances. Each viewer behaves as the browser's LiveRefresh does: an event
 * that concerns its page makes it fetch the page's RSC payload again (router.refresh()), one request at
 * a time, again after it if more events came meanwhile. Measured from the youth's POST to the end of
 * the first refreshed payload requested after the event reached the viewer; for an open conversation
 * the payload must contain the message. Target: p95 < 250 ms.
 */
const COUNSELORS = 20;
const HELD = 3;
const SUPERVISORS = 2;
const RATE = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3620);
const bases = [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 1}`];
const secret = randomBytes(16).toString("hex");
const key = randomBytes(32).toString("base64");
const password = "bench-console-password";
const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const userIdOf = (i: number) => `U${String(i).padStart(32, "0")}`;
let counter = 0;

/** Sends youth `i`'s text through instance `base`; resolves to the time it was sent. */
async function postText(base: string, i: number, text: string): Promise<number> {
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
        message: { id: `${process.pid}-${counter}`, type: "text", text },
      },
    ],
  });
  const sent = performance.now();
  // LINE redelivers what was not acknowledged; so does the benchmark, a few times, timing from the first try.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}/api/line/webhook`, { method: "POST", body, headers: { "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") } });
    if (res.status === 200) return sent;
    if (attempt >= 5) throw new Error(`webhook answered ${res.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

async function signIn(base: string, loginId: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, loginId, password, json: "true" }),
  });
  return [jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

/** A viewer's event stream: calls `onEvent` with each console event's consultation id as it arrives. */
async function openStream(base: string, cookie: string, onEvent: (consultationId: string | undefined) => void): Promise<() => Promise<void>> {
  const res = await fetch(`${base}/api/console/events`, { headers: { cookie } });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: console\ndata: (.*)$/m.exec(chunk)?.[1];
        if (data) onEvent((JSON.parse(data) as { consultationId?: string }).consultationId);
      }
    }
  })();
  return () => reader.cancel();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A message on its way to one viewer: sent at `sent`; `marker` is set when the viewer's open page must show it. */
type Delivery = { sent: number; marker?: string };

/**
 * One browser tab: `watches` are the consultations whose events concern it (all, for a supervisor).
 * Messages are handed over when sent (`expect`) and count once their event has arrived and a
 * refresh requested after that has come back.
 */
function createViewer(base: string, cookie: string, page: string, watches: Set<string> | "all") {
  const sentTo = new Map<string, Delivery[]>();
  let arrived: Delivery[] = [];
  let refreshing = false;
  const state = { refreshMs: [] as number[], sseMs: [] as number[], refreshes: 0, missing: 0, failed: 0 };
  // Next answers an RSC request whose cache-busting parameter does not match its headers with a redirect to the right one.
  let url = `${base}${page}`;
  async function refresh() {
    refreshing = true;
    while (arrived.length > 0) {
      const covered = arrived;
      arrived = [];
      const res = await fetch(url, { headers: { cookie, rsc: "1" } }).catch(() => null);
      const payload = res?.ok ? await res.text() : null;
      const done = performance.now();
      state.refreshes++;
      if (res?.redirected) url = res.url;
      if (payload === null) {
        state.failed += covered.length;
        continue;
      }
      for (const message of covered) {
        if (message.marker && !payload.includes(message.marker)) state.missing++;
        else state.refreshMs.push(done - message.sent);
      }
    }
    refreshing = false;
  }
  return {
    state,
    concerns: (consultationId: string) => watches === "all" || watches.has(consultationId),
    expect(consultationId: string, message: Delivery) {
      sentTo.set(consultationId, [...(sentTo.get(consultationId) ?? []), message]);
    },
    onEvent(consultationId: string | undefined) {
      const message = consultationId === undefined ? undefined : sentTo.get(consultationId)?.shift();
      if (!message) return;
      state.sseMs.push(performance.now() - message.sent);
      arrived.push(message);
      if (!refreshing) void refresh();
    },
    /** Settles once no refresh is running. */
    async idle() {
      while (refreshing) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

function startApp(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl, SOUDAN_ENCRYPTION_KEY: key, SOUDAN_DEMO: "1", LINE_CHANNEL_SECRET: secret },
  });
}

buildIfStale(process.env);
const dbName = `soudan_bench_console_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 2 });
await database.migrate();
const apps: ChildProcess[] = [];
try {
  const counselors = [];
  for (let c = 0; c < COUNSELORS; c++) {
    const loginId = `bench-c${c}`;
    const { id } = await createStaff(database.db, { loginId, displayName: `相談員${c}`, role: "counselor", qualifications: ["clinical_psychologist"], password }, null);
    counselors.push({ id, loginId });
  }
  const supervisors = [];
  for (let s = 0; s < SUPERVISORS; s++) {
    const loginId = `bench-s${s}`;
    await createStaff(database.db, { loginId, displayName: `スーパーバイザー${s}`, role: "supervisor", qualifications: ["clinical_psychologist"], password }, null);
    supervisors.push({ loginId });
  }
  // One instance first: it prepares the database (form versions, lexicon) before the second starts beside it.
  apps.push(startApp(PORT, url.toString()));
  await waitForHealth(bases[0]!);
  apps.push(startApp(PORT + 1, url.toString()));
  await waitForHealth(bases[1]!);

  const youthCount = COUNSELORS * HELD;
  for (let i = 0; i < youthCount; i++) await postText(bases[i % 2]!, i, "はじめまして");
  const keyring = createKeyring(key);
  const consultationOf: string[] = [];
  for (let i = 0; i < youthCount; i++) {
    for (let tries = 0; !consultationOf[i]; tries++) {
      if (tries > 120) throw new Error("the first messages were not handled");
      const [row] = await database.db
        .select({ id: consultations.id })
        .from(consultations)
        .innerJoin(youths, eq(youths.id, consultations.youthId))
        .where(eq(youths.lineUserHash, lookupHash(keyring, userIdOf(i))));
      if (row) consultationOf[i] = row.id;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  // Counselor c holds youths c, c + 20 and c + 40 and has the first open.
  for (let i = 0; i < youthCount; i++) {
    const counselor = counselors[i % COUNSELORS]!;
    await claimConsultation(database.db, consultationOf[i]!, { ...counselor, role: "counselor" }, { at: new Date(), maxActive: HELD });
  }
  // Counselors and supervisors alternate between the instances; each viewer's page and its event stream use the same one.
  const tabs = [
    ...counselors.map((counselor, c) => ({
      base: bases[c % 2]!,
      loginId: counselor.loginId,
      page: `/console/c/${consultationOf[c]}`,
      open: consultationOf[c]!,
      watches: new Set(Array.from({ length: HELD }, (_, h) => consultationOf[c + h * COUNSELORS]!)) as Set<string> | "all",
    })),
    ...supervisors.map((supervisor, s) => ({ base: bases[s % 2]!, loginId: supervisor.loginId, page: "/supervisor", open: null, watches: "all" as const })),
  ];
  const viewers = await Promise.all(
    tabs.map(async (tab) => {
      const cookie = await signIn(tab.base, tab.loginId);
      const viewer = createViewer(tab.base, cookie, tab.page, tab.watches);
      return { open: tab.open, viewer, close: await openStream(tab.base, cookie, (consultationId) => viewer.onEvent(consultationId)) };
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const countViewAudits = async () =>
    (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, "consultation.viewed")))[0]!.n;
  const auditsBefore = await countViewAudits();
  const started = Date.now();
  const sends: Promise<void>[] = [];
  for (let n = 0; n < RATE * SECONDS; n++) {
    while (Date.now() - started < (n * 1000) / RATE) await new Promise((resolve) => setTimeout(resolve, 2));
    const i = n % youthCount;
    const consultationId = consultationOf[i]!;
    const marker = `bench${String(n).padStart(6, "0")}`;
    sends.push(
      postText(bases[n % 2]!, i, `ベンチマークの相談メッセージ ${marker}`).then((sent) => {
        for (const { open, viewer } of viewers) if (viewer.concerns(consultationId)) viewer.expect(consultationId, { sent, marker: open === consultationId ? marker : undefined });
      }),
    );
  }
  await Promise.all(sends);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await Promise.all(viewers.map(({ viewer }) => viewer.idle()));
  for (const { close } of viewers) await close();
  const auditsAfter = await countViewAudits();

  const expected = RATE * SECONDS * (1 + SUPERVISORS);
  const all = viewers.map(({ viewer }) => viewer.state);
  const refreshMs = all.flatMap((s) => s.refreshMs).sort((a, b) => a - b);
  const counselorMs = all.slice(0, COUNSELORS).flatMap((s) => s.refreshMs).sort((a, b) => a - b);
  const supervisorMs = all.slice(COUNSELORS).flatMap((s) => s.refreshMs).sort((a, b) => a - b);
  const sseMs = all.flatMap((s) => s.sseMs).sort((a, b) => a - b);
  const missing = all.reduce((n, s) => n + s.missing, 0);
  const failed = all.reduce((n, s) => n + s.failed, 0);
  const refreshes = all.reduce((n, s) => n + s.refreshes, 0);
  const p95 = percentile(refreshMs, 95);
  const viewAudits = auditsAfter - auditsBefore;
  const line = (label: string, sorted: number[]) => `| ${label} | ${sorted.length} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} |`;
  console.log(`console: ${refreshMs.length}/${expected} refreshed deliveries, p50 ${percentile(refreshMs, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; SSE p95 ${percentile(sseMs, 95).toFixed(0)} ms; ${refreshes} page requests, ${missing} missing, ${failed} failed`);
  writeResultsSection(
    "console",
    `## What the counselor sees (\`npm run bench:console\`)

${new Date().toISOString()} on ${describeMachine()}; PostgreSQL 15 on the same machine, load generator too (load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}).
Two \`next start\` instances on one PostgreSQL database. ${COUNSELORS} counselors each hold ${HELD} consultations with one of them open
(\`/console/c/…\`), ${SUPERVISORS} supervisors watch \`/supervisor\`; viewers are spread over both instances. Youth text messages
arrive at ${RATE}/s for ${SECONDS} s through the signed webhook, alternating between the instances, over the ${youthCount} held consultations.
Each viewer does what the browser's LiveRefresh does: an event that concerns its page triggers a request for the page's RSC
payload (\`router.refresh()\`), one at a time, again after it when more events came meanwhile. Measured from the youth's POST
to the end of the first payload requested after the event reached that viewer (the browser's 150 ms wait before refreshing is not included);
on the open conversation the payload must contain the message (${missing} did not). ${refreshes} page requests in all, ${failed} deliveries whose refresh failed.

| viewer | deliveries | p50 ms | p95 ms |
|---|---|---|---|
${line("all viewers", refreshMs)}
${line("counselors (open conversation and held tabs)", counselorMs)}
${line("supervisors (\`/supervisor\`)", supervisorMs)}
${line("the event alone (SSE, as before)", sseMs)}

Expected deliveries: ${expected}. \`consultation.viewed\` audit rows written during the run: ${viewAudits} (a view is audited once per
person, consultation and 10 minutes, not on each live refresh).

Target: p95 < 250 ms from the POST to the refreshed page: **${p95 < 250 && refreshMs.length >= expected * 0.99 && missing === 0 ? "met" : "not met"}**.`,
  );
} finally {
  await Promise.all(
    apps.map((app) => {
      const exited = new Promise((resolve) => app.on("exit", resolve));
      app.kill("SIGTERM");
      return exited;
    }),
  );
  await database.close();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
