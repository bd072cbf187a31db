import type { Db } from "@/db";
import { lineInbox } from "@/db/schema";
import { DatabaseUnavailableError, isConnectionFailure } from "@/lib/availability";

export type InboxRow = typeof lineInbox.$inferInsert;

/** Well below PostgreSQL's 65,535 bind parameters per statement (about a dozen per row). */
const MAX_ROWS_PER_STATEMENT = 1000;

interface Waiting {
  rows: InboxRow[];
  resolve: (stored: number) => void;
  reject: (error: unknown) => void;
}

interface Writer {
  queue: Waiting[];
  writing: boolean;
  /** Called once nothing is queued or being written (the inbox worker waits for it). */
  idle: (() => void)[];
  /** performance.now() of the latest request: the worker tells by it whether webhooks are coming in. */
  lastRequestAt: number;
}

// On globalThis: Next bundles the webhook route and the workers (instrumentation) apart, each with its own
// copy of this module, and the worker must see the route's requests to yield to them.
const registry = globalThis as unknown as { soudanInboxWriters?: WeakMap<Db, Writer> };
const writers = (registry.soudanInboxWriters ??= new WeakMap<Db, Writer>());

function writerOf(db: Db): Writer {
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], writing: false, idle: [], lastRequestAt: -Infinity };
    writers.set(db, writer);
  }
  return writer;
}

/** One INSERT of these rows; returns the ids that were new (a redelivered id already stored is skipped). */
async function insertRows(db: Db, rows: InboxRow[]): Promise<Set<string>> {
  const inserted = await db.insert(lineInbox).values(rows).onConflictDoNothing({ target: lineInbox.webhookEventId }).returning({ id: lineInbox.webhookEventId });
  return new Set(inserted.map((r) => r.id));
}

/** The database is down or unreachable: retrying each request alone would only multiply the load on it. */
const isOutage = (error: unknown) => error instanceof DatabaseUnavailableError || isConnectionFailure(error);

/**
 * Group commit: requests that arrive while a statement is being written wait for the next one and share
 * it, so under load the webhook costs one INSERT (one commit) per batch rather than per request, and an
 * acknowledgement never queues behind hundreds of single-row transactions on PGlite's one connection.
 * One statement is atomic, so one request's bad row fails the whole batch: then each request is written
 * again alone, and only the ones that still fail get the error (LINE redelivers them), as they would
 * without the batching. An outage fails the whole batch at once instead. Each request is answered only
 * after the commit of its rows.
 */
async function writeBatches(db: Db, writer: Writer): Promise<void> {
  while (writer.queue.length > 0) {
    const batch: Waiting[] = [];
    let count = 0;
    while (writer.queue.length > 0 && (batch.length === 0 || count + writer.queue[0]!.rows.length <= MAX_ROWS_PER_STATEMENT)) {
      const next = writer.queue.shift()!;
      batch.push(next);
      count += next.rows.length;
    }
    try {
      // An id sent twice in one batch (a redelivery racing its original) was stored once: it counts for the first request naming it.
      const fresh = await insertRows(db, batch.flatMap((w) => w.rows));
      for (const waiting of batch) {
        let stored = 0;
        for (const row of waiting.rows) if (fresh.delete(row.webhookEventId)) stored++;
        waiting.resolve(stored);
      }
    } catch (error) {
      if (batch.length === 1 || isOutage(error)) {
        for (const waiting of batch) waiting.reject(error);
        continue;
      }
      await writeEachAlone(db, batch);
    }
  }
  writer.writing = false;
  for (const notify of writer.idle.splice(0)) notify();
}

/** After a failed batch: each request in its own statement, so a bad row fails only the request that sent it. */
async function writeEachAlone(db: Db, batch: Waiting[]): Promise<void> {
  for (const [index, waiting] of batch.entries()) {
    try {
      waiting.resolve((await insertRows(db, waiting.rows)).size);
    } catch (error) {
      waiting.reject(error);
      if (isOutage(error)) {
        // The database went away meanwhile: the rest would fail the same way.
        for (const rest of batch.slice(index + 1)) rest.reject(error);
        return;
      }
    }
  }
}

/** Stores one request's inbox rows, durably, in the next group-committed statement; resolves to how many were new. */
export function storeInboxRows(db: Db, rows: InboxRow[]): Promise<number> {
  const writer = writerOf(db);
  writer.lastRequestAt = performance.now();
  const stored = new Promise<number>((resolve, reject) => writer.queue.push({ rows, resolve, reject }));
  if (!writer.writing) {
    writer.writing = true;
    setImmediate(() => void writeBatches(db, writer));
  }
  return stored;
}

/** How long the worker lets webhook inserts in flight go first before it takes its next event anyway. */
const MAX_WAIT_MS = 50;
/** The longest pause after one event, so a slow event does not hold the next ones back for long. */
const MAX_PAUSE_MS = 250;
/** A webhook within this long means they are coming in. */
const TRAFFIC_WINDOW_MS = 1000;

/** Resolves once no webhook rows are waiting or being written, or after `maxWaitMs`. */
function waitForInboxWrites(writer: Writer, maxWaitMs: number): Promise<void> {
  if (!writer.writing) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      const at = writer.idle.indexOf(done);
      if (at >= 0) writer.idle.splice(at, 1);
      resolve();
    };
    const timer = setTimeout(done, maxWaitMs);
    writer.idle.push(done);
  });
}

/**
 * Runs one pass of an inbox loop so that acknowledgements come first. It starts once the webhook
 * inserts in flight are committed (at most MAX_WAIT_MS: a steady stream of them does not starve it);
 * and while webhooks are coming in it pauses afterwards `pauseFactor` times as long as the pass took
 * (at most MAX_PAUSE_MS), so a loop takes at most 1 / (1 + pauseFactor) of the time while webhooks
 * arrive, and all of it once they stop. On PGlite the worker's queries run on the request thread itself
 * (WebAssembly) and its one connection: its one loop pauses twice as long as it worked. On PostgreSQL a
 * pass mostly waits for the database, and its four loops pause as long as they worked: pausing longer
 * made 50 youth messages a second queue up for the counselors (bench:console).
 * Whether webhooks are coming in is told by the latest request, not by writes during the pass: on
 * PGlite none can start during a pass, since its queries complete without the server reading a socket.
 */
export async function runYieldingToInboxWrites<T>(db: Db, pass: () => Promise<T>, pauseFactor: number): Promise<T> {
  const writer = writerOf(db);
  await waitForInboxWrites(writer, MAX_WAIT_MS);
  const started = performance.now();
  const result = await pass();
  const took = performance.now() - started;
  if (writer.writing || performance.now() - writer.lastRequestAt < TRAFFIC_WINDOW_MS) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(took * pauseFactor, MAX_PAUSE_MS)));
  }
  return result;
}
