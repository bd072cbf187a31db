import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { controlRoutes } from "./control";
import { BodyTooLarge, header, json, lineError, matchRoute, readBody, type Ctx, type Reply, type Route } from "./http";
import { newRequestId } from "./ids";
import { messagingRoutes } from "./messaging";
import { createIdTokens } from "./oauth";
import { richMenuRoutes } from "./richmenu";
import { createState, type EmulatorOptions, type Env, type Fault, type RecordedRequest, type State } from "./state";
import { serveStatic } from "./static";
import { createWebhookSender } from "./webhook-sender";

export type { EmulatorOptions } from "./state";

export interface Emulator {
  url: string;
  state: State;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Bounds memory in a long demo; tests clear the log long before this. */
const MAX_RECORDED_REQUESTS = 5_000;

function faultReply(fault: Fault & { status: number }): Reply {
  const message =
    fault.status === 429 ? "The API rate limit has been exceeded. Try again later." : fault.status >= 500 ? "Internal server error" : "Emulated fault";
  return lineError(fault.status, message, undefined, fault.retryAfter === undefined ? undefined : { "retry-after": String(fault.retryAfter) });
}

function takeFault(faults: Fault[], method: string, path: string): Fault | undefined {
  const fault = faults.find((f) => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || path.startsWith(f.path)));
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining === 0) faults.splice(faults.indexOf(fault), 1);
  return fault;
}

function bodyForLog(body: Buffer, contentType: string | undefined): string {
  if (body.length === 0) return "";
  if (contentType && /^(application\/(json|x-www-form-urlencoded)|text\/)/i.test(contentType)) return body.toString("utf8");
  return `<${body.length} bytes ${contentType ?? "unknown type"}>`;
}

function recordedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = name === "authorization" ? value.toString().replace(/^(\S+)\s.*$/, "$1 [redacted]") : value.toString();
  }
  return out;
}

function write(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  const headers = { ...extraHeaders, ...reply.headers };
  if (reply.raw) {
    res.writeHead(reply.status, { ...headers, "content-type": reply.raw.contentType, "content-length": reply.raw.body.length });
    res.end(reply.raw.body);
    return;
  }
  const body = reply.json === undefined ? "" : JSON.stringify(reply.json);
  res.writeHead(reply.status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function authorized(env: Env, req: IncomingMessage): Reply | null {
  const auth = header(req.headers, "authorization");
  if (!auth || !/^Bearer\s+\S+$/i.test(auth)) {
    return lineError(401, "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");
  }
  if (auth.replace(/^Bearer\s+/i, "") !== env.options.channelAccessToken) {
    return lineError(401, "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.");
  }
  return null;
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  // Derived from the secret so the bot's user id (webhook `destination`) is stable across restarts.
  const destination = `U${createHash("sha256").update(`soudan-emulator-bot:${options.channelSecret}`).digest("hex").slice(0, 32)}`;
  const env: Env = { options, state: createState(destination, options.monthlyLimit ?? null), now: options.now ?? Date.now };
  const sender = createWebhookSender(env);
  const idTokens = createIdTokens(env);
  const apiRoutes: Route[] = [...messagingRoutes(env), ...richMenuRoutes(env), ...idTokens.routes];
  const control = controlRoutes(env, sender, idTokens);

  async function callApi(req: IncomingMessage, ctx: Ctx, route: Route, record: RecordedRequest): Promise<Reply> {
    record.operation = route.operation;
    const refusal = route.bearer ? authorized(env, req) : null;
    if (refusal) return refusal;
    const fault = takeFault(env.state.faults, ctx.method, ctx.path);
    if (fault && fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status === undefined) return route.handler(ctx);
    const failing = { ...fault, status: fault.status };
    if (fault.processed) await route.handler(ctx);
    return faultReply(failing);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = req.method ?? "GET";
    const requestId = newRequestId();
    try {
      const file = method === "GET" ? await serveStatic(url.pathname) : null;
      if (file) return write(res, file);
      const body = await readBody(req, MAX_BODY_BYTES);
      const ctx: Ctx = { method, path: url.pathname, params: {}, query: url.searchParams, headers: req.headers, body, requestId };

      const controlMatch = matchRoute(control, method, url.pathname);
      if (controlMatch) return write(res, await controlMatch.route.handler({ ...ctx, params: controlMatch.params }));

      const record: RecordedRequest = {
        id: requestId,
        time: new Date(env.now()).toISOString(),
        method,
        path: url.pathname,
        query: url.search,
        operation: null,
        headers: recordedHeaders(req),
        body: bodyForLog(body, header(req.headers, "content-type")),
        status: null,
      };
      env.state.requests.push(record);
      if (env.state.requests.length > MAX_RECORDED_REQUESTS) env.state.requests.shift();

      const match = matchRoute(apiRoutes, method, url.pathname);
      const reply = match ? await callApi(req, { ...ctx, params: match.params }, match.route, record) : lineError(404, "Not found");
      record.status = reply.status;
      write(res, reply, { "x-line-request-id": requestId });
    } catch (error) {
      if (error instanceof BodyTooLarge) return write(res, lineError(413, "Request Entity Too Large"));
      console.error("[emulator]", method, url.pathname, error);
      write(res, json(500, { message: "Internal emulator error" }));
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    state: env.state,
    async close() {
      sender.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
