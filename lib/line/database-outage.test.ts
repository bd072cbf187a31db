import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, expect, it } from "vitest";
import { openDatabase, type Database, type OpenOptions } from "@/db/client";
import { lineInbox } from "@/db/schema";
import { testDatabaseKind } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { receiveWebhook } from "./index";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "./testing/webhook";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const deps = { channelSecret: TEST_CHANNEL_SECRET, keyring, at: new Date() };
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Outage {
  options: OpenOptions;
  /** Makes the database unreachable for `database`; returns the handle to use once it is back. */
  stop(database: Database): Promise<void>;
  start(database: Database): Promise<Database>;
}

/**
 * PGlite: the process closes and reopens its directory. PostgreSQL: the server refuses connections and
 * drops the app's, then accepts them again, and the same client must recover by itself.
 */
async function restartableDatabase(): Promise<Outage> {
  if (testDatabaseKind() === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-outage-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const options: OpenOptions = { kind: "pglite", dataDir: dir, holder: "a test" };
    return { options, stop: (database) => database.close(), start: () => openDatabase(options) };
  }
  const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `soudan_outage_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { kind: "postgres", url: url.toString(), max: 2 },
    stop: async () => {
      await admin.unsafe(`alter database ${name} allow_connections false`);
      await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    },
    start: async (database) => {
      await admin.unsafe(`alter database ${name} allow_connections true`);
      return database;
    },
  };
}

it("fails (so the route answers 5xx) while the database is down, and stores redelivered events once after", async () => {
  const outage = await restartableDatabase();
  let database: Database = await openDatabase(outage.options);
  await database.migrate();
  const raw = JSON.stringify({ destination: "Ubot", events: [userEvent("U" + "9".repeat(32), { type: "message", message: { id: "d1", type: "text", text: "届いて" } })] });

  await outage.stop(database);
  await expect(receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, deps)).rejects.toThrow();

  database = await outage.start(database);
  expect(await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, deps)).toMatchObject({ status: 200, stored: 1 });
  expect(await receiveWebhook(database.db, { rawBody: raw, signature: sign(raw) }, deps)).toMatchObject({ status: 200, stored: 0 });
  expect(await database.db.select().from(lineInbox)).toHaveLength(1);
  await database.close();
  // Opening, migrating and reopening a database twice: well past 30 s on a loaded machine.
}, 120_000);
