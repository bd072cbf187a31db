import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database, type Db } from "./client";

/**
 * What every test database gets after its migrations, as the app gives its own at start (form
 * versions, risk lexicon, safety contacts). db/ knows nothing of lib/, so the test setup
 * (tests/setup.ts) registers these steps.
 */
const preparations: ((db: Db) => Promise<void>)[] = [];

export function prepareEveryTestDatabase(step: (db: Db) => Promise<void>): void {
  preparations.push(step);
}

async function prepare(database: Database): Promise<void> {
  await database.migrate();
  for (const step of preparations) await step(database.db);
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, a new PostgreSQL
 * database when SOUDAN_TEST_DATABASE=postgres (the same tests run on both drivers).
 */
export interface TestDatabase extends Database {
  /**
   * A second client of the same database, as a second app instance would have (PostgreSQL). PGlite
   * is one process's database, so there it is the same client (closing it leaves the first open).
   */
  connectAgain(): Promise<Database>;
}

export async function createTestDatabase(kind: "pglite" | "postgres" = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ kind: "pglite", dataDir: null, holder: "a test" });
    await prepare(database);
    return { ...database, connectAgain: async () => ({ ...database, close: async () => {} }) };
  }
  const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `soudan_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 5 });
  await prepare(database);
  return {
    ...database,
    connectAgain: () => openDatabase({ kind: "postgres", url: url.toString(), max: 2 }),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.SOUDAN_TEST_DATABASE === "postgres" ? "postgres" : "pglite";
}
