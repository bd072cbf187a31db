import type { DbOrTx } from "@/db";
import { now } from "@/lib/clock";
import { estimateWaitMinutes } from "@/lib/consultations";

/** How long an estimate is reused: the eight weeks of history behind it barely move in a minute. */
const ESTIMATE_TTL_MS = 60_000;
/** Japan keeps no daylight saving time: Tokyo's wall clock is always UTC+9. */
const TOKYO_OFFSET_MS = 9 * 60 * 60_000;
/** A bound on the entries kept (weekday-hours times places), far above what one night's queue uses. */
const MAX_ENTRIES = 1000;

const estimates = new Map<string, { storedAt: number; minutes: number }>();
/**
 * Queries in flight, per connection or transaction: callers on the same one share it. Never across
 * them: on PGlite's one connection a transaction waiting for a query queued behind itself would hang.
 */
const inFlight = new WeakMap<DbOrTx, Map<string, Promise<number>>>();

/**
 * estimateWaitMinutes (an eight-week percentile over the recorded waits), remembered in this process
 * for ESTIMATE_TTL_MS per weekday-hour (Tokyo) and place. Every claim or close makes each waiting
 * youth's page ask again at once; they share one query a minute instead of each running it. Time is
 * lib/clock's; an entry from a clock moved back (a test, a demo origin) is not trusted.
 */
export async function estimateWaitCached(tx: DbOrTx, input: { position: number; at: Date }): Promise<number> {
  const local = new Date(input.at.getTime() + TOKYO_OFFSET_MS);
  const key = `${local.getUTCDay()}-${local.getUTCHours()}-${input.position}`;
  const clock = now().getTime();
  const hit = estimates.get(key);
  if (hit && hit.storedAt <= clock && clock < hit.storedAt + ESTIMATE_TTL_MS) return hit.minutes;
  let running = inFlight.get(tx);
  if (!running) inFlight.set(tx, (running = new Map()));
  const pending = running.get(key);
  if (pending) return pending;
  const query = estimateWaitMinutes(tx, input);
  running.set(key, query);
  try {
    const minutes = await query;
    if (estimates.size >= MAX_ENTRIES) estimates.clear();
    estimates.set(key, { storedAt: clock, minutes });
    return minutes;
  } finally {
    running.delete(key);
  }
}
