import { getDatabase } from "@/db";
import { getConfig } from "@/lib/config";

/** Configuration is checked and migrations applied before the first request is served. */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const database = await getDatabase();
  console.info(`[soudan] database ready (${database.kind})`);
  // The embedded database must be closed cleanly: it flushes to disk and releases DATA_DIR's lock.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void database.close().finally(() => process.exit(0));
    });
  }
}
