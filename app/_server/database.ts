import { openDatabase, openOptionsFromEnv, type Database, type Db } from "@/db/client";
import { getConfig } from "@/lib/config";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";

const globalForDb = globalThis as unknown as { soudanDatabase?: Promise<Database> };

/** The app's one database, opened and migrated on first use and shared by every request of this process. */
export function getDatabase(): Promise<Database> {
  globalForDb.soudanDatabase ??= (async () => {
    const database = await openDatabase(openOptionsFromEnv(getConfig(), `the Soudan app`));
    await database.migrate();
    await ensureFormVersions(database.db);
    await ensureRiskLexicon(database.db);
    await ensureSafetyContacts(database.db);
    await ensureEmergencyContactKinds(database.db);
    return database;
  })();
  return globalForDb.soudanDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
