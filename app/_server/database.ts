import { sql } from "drizzle-orm";
import { openDatabase, openOptionsFromEnv, type Database, type Db } from "@/db/client";
import { createCircuitBreaker, type CircuitBreaker } from "@/lib/availability";
import { getConfig } from "@/lib/config";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";

const globalForDb = globalThis as unknown as { soudanDatabase?: Promise<Database>; soudanBreaker?: CircuitBreaker };

/** The app's one database, opened and migrated on first use and shared by every request of this process. */
export function getDatabase(): Promise<Database> {
  globalForDb.soudanDatabase ??= (async () => {
    const database = await openDatabase(openOptionsFromEnv(getConfig(), `the Soudan app`, "app"));
    await database.migrate();
    await ensureFormVersions(database.db);
    await ensureRiskLexicon(database.db);
    await ensureSafetyContacts(database.db);
    await ensureEmergencyContactKinds(database.db);
    return database;
  })().catch((error: unknown) => {
    // A database that was down at the first request must not stay "failed" for the life of the process.
    globalForDb.soudanDatabase = undefined;
    throw error;
  });
  return globalForDb.soudanDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Requests that must answer within a second whatever the database does (the webhook, the health check). */
const DEADLINE_MS = 800;
const PROBE_EVERY_MS = 1_000;

/** This process's view of whether the database is up (lib/availability); shared by the routes that must fail fast. */
export function getDatabaseBreaker(): CircuitBreaker {
  globalForDb.soudanBreaker ??= createCircuitBreaker({
    probe: async () => (await getDb()).execute(sql`select 1`),
    deadlineMs: DEADLINE_MS,
    probeEveryMs: PROBE_EVERY_MS,
    onChange: (open) =>
      open
        ? console.error("[soudan] database unreachable: answering 503 at once until it is back (probing every second)")
        : console.info("[soudan] database reachable again"),
  });
  return globalForDb.soudanBreaker;
}
