/** NUL (PostgreSQL text refuses it) and lone UTF-16 surrogates (not encodable as UTF-8). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const clean = (text: string) => text.replace(UNSTORABLE, "");

type Container = Record<string, unknown> | unknown[];

/**
 * Makes parsed JSON storable, in place: strips what PostgreSQL cannot store from every string and key,
 * so one odd character never costs a whole batch. Refuses (undefined) anything nested deeper than
 * `maxDepth`, which later recursive code (JSON.stringify, zod) would overflow the stack on. Walks
 * with its own stack for the same reason.
 */
export function sanitizeJson(value: unknown, maxDepth: number): unknown {
  if (typeof value === "string") return clean(value);
  if (value === null || typeof value !== "object") return value;
  const pending: { node: Container; depth: number }[] = [{ node: value as Container, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > maxDepth) return undefined;
    const { node, depth } = next;
    for (const key of Object.keys(node)) {
      const record = node as Record<string, unknown>;
      let child = record[key];
      if (typeof child === "string") child = clean(child);
      else if (child !== null && typeof child === "object") pending.push({ node: child as Container, depth: depth + 1 });
      const cleanKey = Array.isArray(node) ? key : clean(key);
      if (cleanKey !== key) delete record[key];
      // Defined, not assigned: a `__proto__` key must stay a plain property, never become the prototype.
      Object.defineProperty(record, cleanKey, { value: child, writable: true, enumerable: true, configurable: true });
    }
  }
  return value;
}
