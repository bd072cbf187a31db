import type { Db } from "@/db";
import { lineInbox } from "@/db/schema";

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
}

const writers = new WeakMap<Db, Writer>();

function writerOf(db: Db): Writer {
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], writing: false, idle: [] };
    writers.set(db, writer);
  }
  return writer;
}

/**
 * Group commit: requests that arrive while a statement is being written wait for the next one and share
 * it, so under load the webhook costs one INSERT (one commit) per batch rather than per request, and an
 * acknowledgement never queues behind hundreds of single-row transactions on PGlite's one connection.
 * One statement is atomic: a request's rows are all stored or, if the statement fails, none is and every
 * request in the batch gets the error (LINE redelivers). Each request is answered only after the commit.
 */
async function writeBatches(db: Db, writer: Writer): Promise<void> {
  writer.writing = true;
  while (writer.queue.length > 0) {
    const batch: Waiting[] = [];
    let count = 0;
    while (writer.queue.length > 0 && (batch.length === 0 || count + writer.queue[0]!.rows.length <= MAX_ROWS_PER_STATEMENT)) {
      const next = writer.queue.shift()!;
      batch.push(next);
      count += next.rows.length;
    }
    try {
      const inserted = await db
        .insert(lineInbox)
        .values(batch.flatMap((w) => w.rows))
        .onConflictDoNothing({ target: lineInbox.webhookEventId })
        .returning({ id: lineInbox.webhookEventId });
      // An id sent twice in one batch (a redelivery racing its original) was stored once: it counts for the first request naming it.
      const fresh = new Set(inserted.map((r) => r.id));
      for (const waiting of batch) {
        let stored = 0;
        for (const row of waiting.rows) if (fresh.delete(row.webhookEventId)) stored++;
        waiting.resolve(stored);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
  writer.writing = false;
  for (const notify of writer.idle.splice(0)) notify();
}

/** Stores one request's inbox rows, durably, in the next group-committed statement; resolves to how many were new. */
export function storeInboxRows(db: Db, rows: InboxRow[]): Promise<number> {
  const writer = writerOf(db);
  const stored = new Promise<number>((resolve, reject) => writer.queue.push({ rows, resolve, reject }));
  if (!writer.writing) void writeBatches(db, writer);
  return stored;
}

/**
 * Resolves once no webhook rows are waiting or being written, or after `maxWaitMs`: the inbox worker
 * yields to acknowledgements (on PGlite they share one connection, everywhere they share the CPU)
 * without being starved by a steady stream of them.
 */
export function waitForInboxWrites(db: Db, maxWaitMs: number): Promise<void> {
  const writer = writers.get(db);
  if (!writer?.writing) return Promise.resolve();
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
