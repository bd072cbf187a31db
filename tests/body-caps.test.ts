import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { bodyLimits, readBody } from "@/app/_server/read-body";

/**
 * Every route that takes a body reads it through app/_server/read-body.ts. A body is offered as a
 * stream that counts what was pulled from it: past the cap the route answers 413 having pulled at most
 * one chunk beyond the cap, and with a declared Content-Length over the cap it pulls nothing at all.
 */
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => {} }), headers: async () => new Headers() }));
vi.mock("@/app/_server/database", () => ({
  getDb: async () => Promise.reject(new Error("the database is not needed to refuse a body")),
  getDatabaseBreaker: () => ({ run: (work: () => Promise<unknown>) => work() }),
}));

const CHUNK = 4096;
type Handler = (request: Request, context: never) => Promise<Response>;

function countingBody(totalBytes: number) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= totalBytes) return controller.close();
        counter.pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function request(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);
}

const routes = [
  { name: "the LINE webhook", path: "/api/line/webhook", cap: bodyLimits.webhook, load: async () => (await import("@/app/api/line/webhook/route")).POST },
  { name: "the LIFF session", path: "/api/liff/session", cap: bodyLimits.liffSession, load: async () => (await import("@/app/api/liff/session/route")).POST },
  { name: "the secure chat's messages", path: "/api/liff/messages", cap: bodyLimits.liffMessage, load: async () => (await import("@/app/api/liff/messages/route")).POST },
  { name: "the intake", path: "/api/liff/intake", cap: bodyLimits.liffIntake, load: async () => (await import("@/app/api/liff/intake/route")).POST },
  { name: "staff sign-in (next-auth)", path: "/api/auth/callback/credentials", cap: bodyLimits.signIn, load: async () => (await import("@/app/api/auth/[...nextauth]/route")).POST as unknown as Handler },
];

beforeAll(async () => {
  process.env.LINE_CHANNEL_SECRET = "body-caps-secret";
  process.env.LINE_LOGIN_CHANNEL_ID = "1650000000";
  process.env.SOUDAN_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
  (await import("@/lib/config")).resetConfigForTests();
});
afterAll(() => {
  delete process.env.LINE_LOGIN_CHANNEL_ID;
});

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) } as never;

it.each(routes)("$name stops reading at its cap and answers 413", async ({ path, cap, load }) => {
  const { stream, counter } = countingBody(64 * 1024 * 1024);
  const response = await (load as () => Promise<Handler>)().then((post) => post(request(path, stream), context));
  expect(response.status).toBe(413);
  expect(counter.pulled).toBeGreaterThan(cap);
  expect(counter.pulled).toBeLessThanOrEqual(cap + 2 * CHUNK);
  await expect.poll(() => counter.cancelled).toBe(true);
});

it.each(routes)("$name answers 413 to a declared Content-Length over its cap without reading", async ({ path, cap, load }) => {
  const { stream, counter } = countingBody(cap + CHUNK);
  const response = await (load as () => Promise<Handler>)().then((post) => post(request(path, stream, { "content-length": String(cap + 1) }), context));
  expect(response.status).toBe(413);
  expect(counter.pulled).toBe(0);
});

it("answers 408 to a body that trickles in past the deadline, and cancels it", async () => {
  const counter = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(10));
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  const read = await readBody(request("/any", stream), 1024, 100);
  expect(read.ok).toBe(false);
  if (!read.ok) expect(read.response.status).toBe(408);
  expect(counter.cancelled).toBe(true);
});

it("reads a body within its cap in full", async () => {
  const { stream } = countingBody(3 * CHUNK);
  const read = await readBody(request("/any", stream), 4 * CHUNK);
  expect(read).toMatchObject({ ok: true });
  if (read.ok) expect(read.text).toHaveLength(3 * CHUNK);
});
