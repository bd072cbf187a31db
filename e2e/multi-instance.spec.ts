import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { createStaff } from "@/lib/auth/create-staff";
import { signInByApi } from "./helpers";

/**
 * Issue 6: everything live works when two app processes share one PostgreSQL. A youth's message
 * received by instance A must reach a counselor's event stream served by instance B.
 */
const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ports = [3260, 3261] as const;
const secret = randomBytes(16).toString("hex");
const key = randomBytes(32).toString("base64");
const password = "multi-instance-password";
const dbName = `soudan_e2e_multi_${randomBytes(4).toString("hex")}`;
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const servers: ChildProcess[] = [];
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await admin.unsafe(`create database ${dbName}`);
  const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 2 });
  await database.migrate();
  await createStaff(database.db, { loginId: "counselor1", displayName: "相談 一郎", role: "counselor", qualifications: ["clinical_psychologist"], password }, null);
  await database.close();
  // Only A runs the workers: the event B's stream shows can only have come from A, through PostgreSQL.
  for (const [i, port] of ports.entries()) {
    servers.push(
      spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
        stdio: "ignore",
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          DATABASE_URL: url.toString(),
          SOUDAN_ENCRYPTION_KEY: key,
          SOUDAN_DEMO: "1",
          LINE_CHANNEL_SECRET: secret,
          SOUDAN_WORKERS: i === 0 ? "1" : "0",
        },
      }),
    );
  }
  for (const port of ports) {
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  }
});

test.afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
});

test("a message received by one instance reaches a counselor's live stream on the other", async () => {
  const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
  const counselor = await playwrightRequest.newContext({ baseURL: b });
  await signInByApi(counselor, "counselor1", password);
  const cookie = (await counselor.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  const stream = await fetch(`${b}/api/console/events`, { headers: { cookie } });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  const readUntil = async (needle: string) => {
    while (!received.includes(needle)) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
  };
  await readUntil("event: ready");

  const body = JSON.stringify({
    destination: "U0",
    events: [
      {
        type: "message",
        webhookEventId: `01MULTI${randomBytes(8).toString("hex")}`,
        timestamp: Date.now(),
        mode: "active",
        replyToken: randomBytes(8).toString("hex"),
        deliveryContext: { isRedelivery: false },
        source: { type: "user", userId: "U" + "5".repeat(32) },
        message: { id: randomBytes(6).toString("hex"), type: "text", text: "別のサーバーに届いて" },
      },
    ],
  });
  const posted = await fetch(`${a}/api/line/webhook`, { method: "POST", body, headers: { "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") } });
  expect(posted.status).toBe(200);

  await Promise.race([readUntil("event: console"), new Promise((_, reject) => setTimeout(() => reject(new Error("no event within 15 s")), 15_000))]);
  const event = /event: console\ndata: (.*)\n/.exec(received)?.[1];
  expect(JSON.parse(event!)).toMatchObject({ kind: "queue" });
  expect(received).not.toContain("別のサーバーに届いて");
  await reader.cancel();
  await counselor.dispose();
});
