import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database, type Db } from "./client";

/**
 * Migrating takes a second and a fresh PGlite several more (its initdb), far too much to pay once per
 * test file. So the test run's global setup (tests/global-setup.ts) migrates and prepares one database
 * from scratch, and every test database starts as a copy of it: for PGlite a dump of its data
 * directory in a file, for PostgreSQL a template database of the run's own.
 */
export type TestDatabaseTemplate = { kind: "pglite"; dumpFile: string } | { kind: "postgres"; name: string };

/** The run's templates: PostgreSQL's whenever the server answers, since a PGlite run's tests may also use it (the handover's round trip). */
export interface TestDatabaseTemplates {
  pglite: { kind: "pglite"; dumpFile: string };
  postgres: { kind: "postgres"; name: string } | { kind: "unavailable"; reason: string };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplates: TestDatabaseTemplates;
  }
}

const adminUrl = () => process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Migrates a new database and runs `preparations` on it, as the app does at start (form versions,
 * risk lexicon, safety contacts); db/ knows nothing of lib/, so the caller names them. Resolves to
 * the template and the function that removes it at the end of the run.
 */
export async function createTestDatabaseTemplate(
  kind: "pglite" | "postgres",
  preparations: ((db: Db) => Promise<void>)[],
): Promise<{ template: TestDatabaseTemplate; remove: () => Promise<void> }> {
  const prepare = async (database: Database) => {
    await database.migrate();
    for (const step of preparations) await step(database.db);
  };
  if (kind === "pglite") {
    const database = await openDatabase({ kind: "pglite", dataDir: null, holder: "the test template" });
    await prepare(database);
    const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
    await database.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-test-template-"));
    const dumpFile = path.join(dir, "pgdata.tar");
    fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return { template: { kind: "pglite", dumpFile }, remove: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  // Named per run: other runs on the same server have their own.
  const name = `soudan_test_template_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  // PostgreSQL copies a template only while nobody is connected to it: this connection closes first.
  const database = await openDatabase({ kind: "postgres", url: databaseUrl(name), max: 1 });
  try {
    await prepare(database);
  } finally {
    await database.close();
  }
  return {
    template: { kind: "postgres", name },
    remove: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface TestDatabase extends Database {
  /**
   * A second client of the same database, as a second app instance would have (PostgreSQL). PGlite
   * is one process's database, so there it is the same client (closing it leaves the first open).
   */
  connectAgain(): Promise<Database>;
}

let pgliteDump: Blob | undefined;

/**
 * A fresh database for one test file, migrated and prepared (a copy of the run's template): in-memory
 * PGlite by default, a new PostgreSQL database when SOUDAN_TEST_DATABASE=postgres (the same tests run
 * on both drivers).
 */
export async function createTestDatabase(kind: "pglite" | "postgres" = testDatabaseKind()): Promise<TestDatabase> {
  const templates = inject("testDatabaseTemplates");
  if (kind === "pglite") {
    pgliteDump ??= new Blob([fs.readFileSync(templates.pglite.dumpFile)]);
    const database = await openDatabase({ kind: "pglite", dataDir: null, holder: "a test", loadDataDir: pgliteDump });
    return { ...database, connectAgain: async () => ({ ...database, close: async () => {} }) };
  }
  const template = templates.postgres;
  if (template.kind === "unavailable") throw new Error(`This test needs PostgreSQL (SOUDAN_TEST_POSTGRES_URL), which did not answer: ${template.reason}`);
  const name = `soudan_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template.name}`);
  const database = await openDatabase({ kind: "postgres", url: databaseUrl(name), max: 5 });
  return {
    ...database,
    connectAgain: () => openDatabase({ kind: "postgres", url: databaseUrl(name), max: 2 }),
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
