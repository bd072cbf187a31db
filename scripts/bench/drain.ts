import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/db";
import { openDatabase } from "@/db/client";
import { lineInbox } from "@/db/schema";
import { createKeyring } from "@/lib/crypto";
import { receiveWebhook } from "@/lib/line";
import { buildIfStale } from "../build-if-stale";
import { describeMachine, writeResultsSection } from "./results-file";
import { waitForHealth } from "./wait-for-health";

/**
 * npm run bench:drain — a backlog of youth messages (as after an outage, when LINE redelivers) drained
 * by the inbox workers of two app instances on PostgreSQL. The backlog is committed at once, with each
 * youth's messages stored newest first; the time runs from that commit to the last event handled.
 * Target: ≥ 200 events/s, and no youth's messages handled out of their order.
 */
const YOUTHS = Number(process.env.BENCH_DRAIN_YOUTHS ?? 200);
const PER_YOUTH = Number(process.env.BENCH_DRAIN_PER_YOUTH ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3630);
const ports = [PORT, PORT + 1];
const secret = randomBytes(16).toString("hex");
const key = randomBytes(32).toString("base64");
const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function startApp(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl, SOUDAN_ENCRYPTION_KEY: key, LINE_CHANNEL_SECRET: secret },
  });
}

buildIfStale(process.env);
const dbName = `soudan_bench_drain_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 2 });
await database.migrate();
const apps: ChildProcess[] = [];
try {
  // One instance first: it prepares the database (form versions, lexicon) before the second starts beside it.
  apps.push(startApp(ports[0]!, url.toString()));
  await waitForHealth(`http://127.0.0.1:${ports[0]!}`);
  apps.push(startApp(ports[1]!, url.toString()));
  await waitForHealth(`http://127.0.0.1:${ports[1]!}`);

  const base = Date.now() - 60_000;
  const events: Record<string, unknown>[] = [];
  for (let n = PER_YOUTH - 1; n >= 0; n--) {
    for (let y = 0; y < YOUTHS; y++) {
      events.push({
        type: "message",
        webhookEventId: `01DRAIN${process.pid}${String(y).padStart(5, "0")}${String(n).padStart(5, "0")}`,
        timestamp: base + n,
        mode: "active",
        deliveryContext: { isRedelivery: true },
        source: { type: "user", userId: `U${String(y).padStart(32, "0")}` },
        message: { id: `${process.pid}-${y}-${n}`, type: "text", text: `バックログ ${n}` },
      });
    }
  }
  const keyring = createKeyring(key);
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < events.length; i += 1000) {
      const rawBody = JSON.stringify({ destination: "Ubench", events: events.slice(i, i + 1000) });
      const signature = createHmac("sha256", secret).update(rawBody).digest("base64");
      await receiveWebhook(tx as unknown as Db, { rawBody, signature }, { channelSecret: secret, keyring, at: new Date() });
    }
  });
  const committed = Date.now();
  console.log(`drain: ${events.length} events committed; waiting for two instances to handle them`);
  let last: { pending: number; processed: number; lastAt: Date | null } = { pending: events.length, processed: 0, lastAt: null };
  while (last.pending > 0) {
    if (Date.now() - committed > 300_000) throw new Error(`the backlog did not drain in 5 minutes (${last.pending} pending)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const [row] = await database.db
      .select({
        pending: sql<number>`count(*) filter (where ${lineInbox.status} = 'pending')::int`,
        processed: sql<number>`count(*) filter (where ${lineInbox.status} <> 'pending')::int`,
        lastAt: sql<string | null>`max(${lineInbox.processedAt})::text`,
      })
      .from(lineInbox);
    last = { pending: row!.pending, processed: row!.processed, lastAt: row!.lastAt ? new Date(row!.lastAt) : null };
  }
  const seconds = (last.lastAt!.getTime() - committed) / 1000;
  const rate = events.length / seconds;
  // A youth's messages are recorded in separate transactions, one after the other: their created_at (the transaction's start) orders them.
  const [check] = await database.db
    .select({
      reordered: sql<number>`(select count(*)::int from (
        select sent_at < lag(sent_at) over (partition by consultation_id order by created_at, sent_at) as reordered
        from consultation_messages where sender = 'youth') m where reordered)`,
      messages: sql<number>`(select count(*)::int from consultation_messages where sender = 'youth')`,
      failed: sql<number>`(select count(*)::int from line_inbox where status <> 'done')`,
      retried: sql<number>`(select count(*)::int from line_inbox where attempts > 1)`,
    })
    .from(sql`(select 1) as one`);
  const ok = rate >= 200 && check!.reordered === 0 && check!.messages === events.length;
  console.log(`drain: ${events.length} events in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} events/s; ${check!.reordered} reordered, ${check!.failed} not done`);
  writeResultsSection(
    "drain",
    `## Backlog drain (\`npm run bench:drain\`)

${new Date().toISOString()} on ${describeMachine()}; PostgreSQL 15 on the same machine (load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}).
A backlog of ${events.length} text messages from ${YOUTHS} youths (${PER_YOUTH} each, stored newest first, committed at once)
handled by the inbox workers of two \`next start\` instances on one PostgreSQL database. Time from the commit to the
last event handled; then each youth's messages are checked to have been recorded in their timestamp order.

| events | seconds | events/s | messages recorded | out of order | not done | retried |
|---|---|---|---|---|---|---|
| ${events.length} | ${seconds.toFixed(1)} | ${rate.toFixed(0)} | ${check!.messages} | ${check!.reordered} | ${check!.failed} | ${check!.retried} |

Target: ≥ 200 events/s with no youth's events reordered: **${ok ? "met" : "not met"}**.`,
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
