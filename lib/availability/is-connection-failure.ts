/**
 * Errors that say the database cannot be reached or has dropped us, as opposed to a bad statement:
 * node's socket errors, postgres.js's own connection codes and SQLSTATE classes 08 (connection
 * exception), 57P (operator intervention: shutdown, terminated backend, cannot connect now) and 53
 * (insufficient resources, e.g. too many connections).
 */
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const driverCodes = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]);

export function isConnectionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (socketCodes.has(code) || driverCodes.has(code)) return true;
      if (code.startsWith("08") || code.startsWith("57P") || code.startsWith("53")) return true;
      // "database … is not currently accepting connections" (ALLOW_CONNECTIONS false).
      if (code === "55000" && /accepting connections/.test(String((current as Error).message))) return true;
    }
    // drizzle wraps driver errors ("Failed query: …") and keeps the original as the cause.
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
