import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDatabaseProxy, type DatabaseProxy } from "@/db/testing-proxy";
import { testDatabaseKind } from "@/db/testing";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";

/**
 * A real PostgreSQL outage seen by the routes of one app process: the app reaches its database through
 * a loopback proxy the test stops (connections refused), makes silent (packets swallowed) and starts
 * again. PGlite runs inside the process and cannot become unreachable, so this file needs PostgreSQL.
 */
const onPostgres = testDatabaseKind() === "postgres";
if (!onPostgres) console.info("[skip] database-outage-routes: an in-process PGlite cannot be made unreachable; run with SOUDAN_TEST_DATABASE=postgres");

const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `soudan_outage_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
let proxy: DatabaseProxy;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  if (!onPostgres) return;
  process.on("uncaughtException", onUncaught);
  await admin.unsafe(`create database ${name}`);
  const target = new URL(adminUrl);
  proxy = await startDatabaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.port = String(proxy.port);
  target.pathname = `/${name}`;
  process.env.DATABASE_URL = target.toString();
  process.env.LINE_CHANNEL_SECRET = TEST_CHANNEL_SECRET;
  process.env.SOUDAN_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  (await import("@/lib/config")).resetConfigForTests();
  // As the server does at start (instrumentation): migrations run before the first request.
  await (await import("@/app/_server/database")).getDatabase();
});

afterAll(async () => {
  if (!onPostgres) return;
  process.off("uncaughtException", onUncaught);
  const { getDatabase, getDatabaseBreaker } = await import("@/app/_server/database");
  getDatabaseBreaker().stop();
  await proxy.up();
  await (await getDatabase()).close();
  await proxy.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const post = async (text: string) => {
  const { POST } = await import("@/app/api/line/webhook/route");
  const body = JSON.stringify({ destination: "Ubot", events: [userEvent("U" + "7".repeat(32), { type: "message", message: { id: text, type: "text", text } })] });
  const started = performance.now();
  const response = await POST(new Request("http://localhost/api/line/webhook", { method: "POST", body, headers: { "x-line-signature": sign(body) } }));
  return { status: response.status, ms: performance.now() - started };
};

const health = async () => {
  const { GET } = await import("@/app/api/health/route");
  const started = performance.now();
  const response = await GET();
  return { status: response.status, ms: performance.now() - started };
};


/** Several posts at once, again and again for `seconds`: every one must be answered 5xx within a second. */
async function expectFastFailuresFor(seconds: number) {
  const until = performance.now() + seconds * 1000;
  let rounds = 0;
  while (performance.now() < until) {
    const answers = await Promise.all([post(`o${rounds}a`), post(`o${rounds}b`), post(`o${rounds}c`), post(`o${rounds}d`), health()]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(1000);
    }
    rounds++;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return rounds;
}

async function expectRecovery(text: string) {
  await expect.poll(async () => (await health()).status, { timeout: 5_000, interval: 200 }).toBe(200);
  expect((await post(text)).status).toBe(200);
  const direct = new URL(adminUrl);
  direct.pathname = `/${name}`;
  const sql = postgres(direct.toString(), { max: 1 });
  const [row] = await sql`select count(*)::int as n from line_inbox`;
  await sql.end();
  return row!.n as number;
}

it.skipIf(!onPostgres)("answers 503 within a second while the server is gone, and takes events again by itself once it is back", async () => {
  expect((await post("before")).status).toBe(200);
  expect((await health()).status).toBe(200);

  await proxy.down();
  expect(await expectFastFailuresFor(6)).toBeGreaterThan(3);

  await proxy.up();
  expect(await expectRecovery("after")).toBe(2);
  expect(uncaught).toEqual([]);
}, 60_000);

it.skipIf(!onPostgres)("answers 503 within a second while the network swallows every packet, and recovers after", async () => {
  await proxy.hang();
  expect(await expectFastFailuresFor(6)).toBeGreaterThan(3);

  await proxy.up();
  expect(await expectRecovery("after the silence")).toBe(3);
  expect(uncaught).toEqual([]);
}, 60_000);
