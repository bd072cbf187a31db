import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { guardTransactions } from "./guard-transactions";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction, or the database itself: what a use case needs to read and write. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * LISTEN on a channel of this database (lib/realtime). postgres.js keeps one dedicated connection
   * for it; PGlite runs in-process. Resolves to the function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

export type OpenOptions =
  | { kind: "postgres"; url: string; max?: number; applicationName?: string }
  | { kind: "pglite"; dataDir: string; holder: string }
  /** In memory (tests, benchmarks), empty or starting as a dump of another PGlite's data directory (`dumpDataDir`). */
  | { kind: "pglite"; dataDir: null; holder: string; loadDataDir?: Blob };

export class EmbeddedDatabaseBusyError extends Error {}

/**
 * The application_name an app instance's connections carry in pg_stat_activity, so a tool that must
 * not run beside the app (npm run destroy) can tell whether any instance is still connected.
 */
export const APP_CONNECTION_NAME = "soudan-app";
/** The command-line tools' connections: destruction also waits for another tool (a retention run, an export). */
export const TOOL_CONNECTION_NAME = "soudan-tool";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** PGlite is one process's database: a lock file keeps a second process (a CLI beside the app) out. */
function takeEmbeddedLock(dataDir: string, holder: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "soudan.lock");
  const mine = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: "wx" });
      const release = () => fs.rmSync(lockPath, { force: true });
      // Next's own signal handling may exit before an orderly close: the lock goes with the process.
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const other = readLock(lockPath);
      if (other && isAlive(other.pid) && other.pid !== process.pid) {
        throw new EmbeddedDatabaseBusyError(
          `The embedded database in ${dataDir} is in use by ${other.holder} (pid ${other.pid}). ` +
            "Stop it first, or set DATABASE_URL to use PostgreSQL.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new EmbeddedDatabaseBusyError(`Could not lock the embedded database in ${dataDir}`);
}

function readLock(lockPath: string): { pid: number; holder: string } | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number; holder: string };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PostgreSQL's default 128 MB of shared buffers sit in PGlite's WebAssembly memory, in this process,
 * for good; a helpline's database is far smaller, and the operating system caches its files anyway.
 */
const embeddedOptions = { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"] };

/**
 * Creating a PGlite data directory (initdb) grows the WebAssembly memory to about 700 MB, and a process
 * never gives that back: an app whose first start made its DATA_DIR would carry it until restarted. A
 * short-lived child process makes it instead, and this process only opens it (about 200 MB).
 */
async function openEmbeddedDataDir(pgdata: string): Promise<PGlite> {
  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    const script = 'const { PGlite } = await import("@electric-sql/pglite"); const db = new PGlite(process.argv[1]); await db.waitReady; await db.close();';
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, pgdata], { cwd: process.cwd() });
  }
  return new PGlite(pgdata, embeddedOptions);
}

/**
 * postgres.js waits 30 s for a connection by default and backs off up to 20 s between reconnects, so
 * with the server gone queries queue for a minute. Here a connection attempt gives up after 2 s and the
 * next one follows within a second, so the pool finds the server again as soon as it is back. A session
 * left idle inside a transaction (a stalled instance) releases its locks after a minute.
 */
const failFast = {
  connect_timeout: 2,
  backoff: (retries: number) => Math.min(0.1 * retries, 1),
  connection: { idle_in_transaction_session_timeout: 60_000 },
} as const;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === "postgres") {
    // Unnamed connections keep postgres.js's default name ("postgres.js").
    const connection = options.applicationName ? { ...failFast.connection, application_name: options.applicationName } : failFast.connection;
    const client = guardTransactions(postgres(options.url, { max: options.max ?? 10, onnotice: () => {}, ...failFast, connection }));
    const db = drizzlePostgres(client, { schema });
    return {
      kind: "postgres",
      db: db as unknown as Db,
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
    };
  }
  const release = options.dataDir ? takeEmbeddedLock(options.dataDir, options.holder) : () => {};
  try {
    const client = options.dataDir === null ? new PGlite({ loadDataDir: options.loadDataDir, ...embeddedOptions }) : await openEmbeddedDataDir(path.join(options.dataDir, "pgdata"));
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    return {
      kind: "pglite",
      db: db as unknown as Db,
      migrate: () => migratePglite(db, { migrationsFolder }),
      listen: async (channel, onPayload) => client.listen(channel, onPayload),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The driver follows the environment: PostgreSQL when DATABASE_URL is set, PGlite under DATA_DIR otherwise.
 * The app names its PostgreSQL connections APP_CONNECTION_NAME, tools TOOL_CONNECTION_NAME.
 */
export function openOptionsFromEnv(env: { DATABASE_URL?: string; DATA_DIR: string }, holder: string, role: "app" | "tool" = "tool"): OpenOptions {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, applicationName: role === "app" ? APP_CONNECTION_NAME : TOOL_CONNECTION_NAME }
    : { kind: "pglite", dataDir: path.resolve(env.DATA_DIR), holder };
}
