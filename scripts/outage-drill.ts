/**
 * "PostgreSQL stopped for half a minute", against the built app, without stopping the machine's server:
 * the app reaches a fresh database through a loopback proxy that this drill closes for OUTAGE_SECONDS
 * (connections dropped and refused, as when the server is gone), while it posts signed webhooks five at
 * a time and asks /api/health. Run `npm run build` first, then:
 *
 *   npx tsx scripts/outage-drill.ts [postgres://postgres@127.0.0.1:5432/postgres] [seconds=30]
 *
 * It fails (exit 1) if any answer during the outage is not 5xx or takes a second or more, or if the app
 * does not store a webhook again by itself within 10 s of the database's return.
 */
import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import postgres from "postgres";
import { startDatabaseProxy } from "../db/testing-proxy";

const adminUrl = process.argv[2] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const seconds = Number(process.argv[3] ?? 30);
const port = 3590;
const secret = randomBytes(16).toString("hex");
const name = `soudan_drill_${randomBytes(4).toString("hex")}`;
const base = `http://127.0.0.1:${port}`;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const target = new URL(adminUrl);
const proxy = await startDatabaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
const appUrl = new URL(adminUrl);
appUrl.port = String(proxy.port);
appUrl.pathname = `/${name}`;
const app = spawn("npx", ["next", "start", "-p", String(port)], {
  env: { ...process.env, DATABASE_URL: appUrl.toString(), LINE_CHANNEL_SECRET: secret, SOUDAN_ENCRYPTION_KEY: randomBytes(32).toString("base64"), SOUDAN_WORKERS: "0" },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});

const timed = async (run: () => Promise<Response>) => {
  const started = performance.now();
  const status = await run().then((r) => r.status, () => 0);
  return { status, ms: Math.round(performance.now() - started) };
};
let n = 0;
const post = () => {
  const body = JSON.stringify({ destination: "Ubot", events: [{ type: "follow", mode: "active", timestamp: Date.now(), webhookEventId: `01DRILL${++n}`, source: { type: "user", userId: `U${"d".repeat(32)}` }, deliveryContext: { isRedelivery: false } }] });
  return timed(() => fetch(`${base}/api/line/webhook`, { method: "POST", body, headers: { "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") } }));
};
const health = () => timed(() => fetch(`${base}/api/health`));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let failed = false;
try {
  for (let i = 0; (await health()).status !== 200; i++) {
    if (i > 120) throw new Error("the app did not become healthy");
    await sleep(500);
  }
  console.info(`before: webhook ${JSON.stringify(await post())}`);
  await proxy.down();
  console.info(`database unreachable for ${seconds} s`);
  const answers: { status: number; ms: number }[] = [];
  for (const until = Date.now() + seconds * 1000; Date.now() < until; await sleep(500)) answers.push(...(await Promise.all([post(), post(), post(), post(), post(), health()])));
  const bad = answers.filter((a) => a.status < 500 || a.ms >= 1000);
  console.info(`during: ${answers.length} answers, slowest ${Math.max(...answers.map((a) => a.ms))} ms, ${bad.length} not a 5xx within a second`);
  failed ||= bad.length > 0;
  await proxy.up();
  const back = Date.now();
  let after = await post();
  while (after.status !== 200 && Date.now() - back < 10_000) {
    await sleep(250);
    after = await post();
  }
  console.info(`after: webhook ${JSON.stringify(after)} ${Date.now() - back} ms after the database returned`);
  failed ||= after.status !== 200;
} finally {
  process.kill(-app.pid!, "SIGTERM");
  await sleep(1000);
  await proxy.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
console.info(failed ? "DRILL FAILED" : "drill passed");
process.exit(failed ? 1 : 0);
