/**
 * A short, content-free description of a failure for rows and logs. Query errors are reduced to the
 * driver's own message: the wrapping error repeats the query's parameters, which may be personal.
 */
export function describeError(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  const e = inner instanceof Error ? inner : new Error(String(inner));
  const message = /^Failed query:/.test(e.message) ? "query failed" : e.message;
  return `${e.name}: ${message}`.slice(0, 300);
}
