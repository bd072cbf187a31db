import { openDatabase, openOptionsFromEnv, EmbeddedDatabaseBusyError, type Database } from "@/db/client";
import { ConfigError, parseEnv, type Env } from "@/lib/config";
import { ensureFormVersions } from "@/lib/forms";
import { ensureRiskLexicon } from "@/lib/risk";
import { ensureSafetyContacts } from "@/lib/safety";
import { ensureEmergencyContactKinds } from "@/lib/emergencies";

/** Opens the configured database for a command-line tool, with one clear line instead of a stack trace. */
export async function openCliDatabase(holder: string, options: { requireSecrets?: boolean } = {}): Promise<{ database: Database; env: Env }> {
  try {
    const env = parseEnv(process.env, { requireSecrets: options.requireSecrets ?? false });
    const database = await openDatabase(openOptionsFromEnv(env, holder));
    await database.migrate();
    await ensureFormVersions(database.db);
    await ensureRiskLexicon(database.db);
    await ensureSafetyContacts(database.db);
    await ensureEmergencyContactKinds(database.db);
    return { database, env };
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusyError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
