import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database } from "./client";
import { ensureFormVersions } from "@/lib/forms/ensure-form-versions";
import { ensureRiskLexicon } from "@/lib/risk/ensure-risk-lexicon";
import { ensureSafetyContacts } from "@/lib/safety/ensure-safety-contacts";
import { ensureEmergencyContactKinds } from "@/lib/emergencies/ensure-emergency-contact-kinds";

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

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.SOUDAN_TEST_DATABASE !== "postgres") {
    const database = await openDatabase({ kind: "pglite", dataDir: null, holder: "a test" });
    await database.migrate();
    await ensureFormVersions(database.db);
    await ensureRiskLexicon(database.db);
    await ensureSafetyContacts(database.db);
    await ensureEmergencyContactKinds(database.db);
    return { ...database, connectAgain: async () => ({ ...database, close: async () => {} }) };
  }
  const adminUrl = process.env.SOUDAN_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `soudan_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), max: 5 });
  await database.migrate();
  await ensureFormVersions(database.db);
  await ensureRiskLexicon(database.db);
  await ensureSafetyContacts(database.db);
  await ensureEmergencyContactKinds(database.db);
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
