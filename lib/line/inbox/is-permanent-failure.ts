import { ZodError } from "zod";

/**
 * PostgreSQL refusing the data itself: class 22 (data exception: a NUL in text, a date out of range,
 * a number too large) and 23505 (a unique key already taken, e.g. a reused message id). Retrying the
 * same event gives the same answer.
 */
const isBadDataCode = (code: unknown) => typeof code === "string" && (code.startsWith("22") || code === "23505");

/**
 * Whether handling an event failed because of the event (bad data: retrying cannot help, so it is
 * failed at once and stops holding back the youth's later events) rather than the moment (a lost
 * connection, a lock, an outage: retried with backoff). Unknown errors count as the moment's.
 */
export function isPermanentFailure(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof ZodError || e instanceof RangeError) return true;
    if (isBadDataCode((e as { code?: unknown }).code)) return true;
  }
  return false;
}
