import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { z } from "zod";

export interface Reply {
  status: number;
  json?: unknown;
  raw?: { body: Buffer; contentType: string };
  headers?: Record<string, string>;
}

export interface Ctx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string;
}

type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** Segments starting with ":" capture a path parameter. */
  pattern: string;
  /** LINE's operationId for API routes, so recorded requests can be filtered by what was called. */
  operation: string;
  handler: Handler;
  /** LINE API routes require the channel access token; control and LINE Login routes do not. */
  bearer: boolean;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, json: body, headers });

interface ErrorDetail {
  message: string;
  property: string;
}

/** The `{message, details?}` error body of the Messaging API. */
export const lineError = (status: number, message: string, details?: ErrorDetail[], headers?: Record<string, string>): Reply =>
  json(status, details && details.length > 0 ? { message, details } : { message }, headers);

export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  const parts = path.split("/");
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((seg, i) => {
      const part = parts[i] ?? "";
      if (seg.startsWith(":")) {
        if (part === "") return false;
        try {
          params[seg.slice(1)] = decodeURIComponent(part);
          return true;
        } catch {
          return false;
        }
      }
      return seg === part;
    });
    if (ok) return { route, params };
  }
  return null;
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

function propertyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Zod issues as LINE's `details`: a missing property reads "May not be empty", as LINE words it. */
function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    message: issue.code === "invalid_type" && issue.input === undefined ? "May not be empty" : issue.message,
    property: propertyPath(issue.path),
  }));
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** Parses a JSON body and validates it, answering with LINE's error shapes on failure. */
export function parseJsonBody<S extends z.ZodType>(ctx: Ctx, schema: S): Parsed<z.output<S>> {
  let value: unknown;
  try {
    value = ctx.body.length === 0 ? undefined : JSON.parse(ctx.body.toString("utf8"));
  } catch {
    return { ok: false, reply: lineError(400, "The request body could not be parsed as JSON") };
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const details = issuesToDetails(result.error.issues);
  return { ok: false, reply: lineError(400, `The request body has ${details.length} error(s)`, details) };
}
