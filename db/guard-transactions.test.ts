import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "./client";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "./testing";

/** PGlite runs in the process: its connection cannot drop, so this is about postgres.js only. */
const onPostgres = testDatabaseKind() === "postgres";
if (!onPostgres) console.info("[skip] guard-transactions: PGlite has no connection to lose; run with SOUDAN_TEST_DATABASE=postgres");

let database: TestDatabase;
const databaseName = async () => ((await database.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[])[0]!.name;
/** One connection, so the pool reconnects the very connection the transaction held. */
let single: Database;
const admin = postgres(process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {} });

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  await database.db.execute(sql`create table guarded (name text)`);
  const name = await databaseName();
  const url = new URL(process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${name}`;
  single = await openDatabase({ kind: "postgres", url: url.toString(), max: 1 });
});
afterAll(async () => {
  await single?.close();
  await database?.close();
  await admin.end();
});

it.skipIf(!onPostgres)("a transaction whose connection drops between two statements runs none of the rest outside it", async () => {
  const name = await databaseName();
  let waiting: Promise<unknown> = Promise.resolve();
  const transaction = single.db.transaction(async (tx) => {
    await tx.execute(sql`insert into guarded values ('first')`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and application_name = 'postgres.js' and pid <> pg_backend_pid()`);
    // Another request waits for the pool's one connection, so the pool reconnects it at once.
    waiting = single.db.execute(sql`select 1`).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await tx.execute(sql`insert into guarded values ('second')`);
  });
  await expect(transaction).rejects.toThrow();
  await waiting;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await database.db.execute(sql`select name from guarded`)).toEqual([]);
});
