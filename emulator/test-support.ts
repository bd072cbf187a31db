import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { webhook } from "@line/bot-sdk";
import { createEmulator, type Emulator, type EmulatorOptions } from "./server";

export const SECRET = "test-channel-secret";
export const TOKEN = "test-channel-access-token";
export const LOGIN_CHANNEL_ID = "1234567890";

export interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: webhook.CallbackRequest;
}

/** A stand-in for the app's webhook: answers the given statuses in turn (then 200) and records what it got. */
export async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      received.push({ headers: req.headers, raw, body: JSON.parse(raw.toString("utf8")) as webhook.CallbackRequest });
      res.writeHead(statuses.shift() ?? 200).end();
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/line/webhook`,
    received,
    /** Resolves once `count` webhook requests have arrived. */
    waitFor: (count: number) =>
      new Promise<void>((resolve) => (received.length >= count ? resolve() : waiters.push({ count, resolve }))),
    events: () => received.flatMap((r) => r.body.events),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2025, 0, 11, 11, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

export function startEmulator(webhookUrl: string, overrides: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return createEmulator({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    loginChannelId: LOGIN_CHANNEL_ID,
    webhookUrl,
    redeliveryDelaysMs: [],
    ...overrides,
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  // Tests read whatever shape the endpoint answers.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function call(emulator: Emulator, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(emulator.url + path, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const isJson = res.headers.get("content-type")?.startsWith("application/json") && raw.length > 0;
  return { status: res.status, headers: res.headers, body: isJson ? JSON.parse(raw.toString("utf8")) : raw };
}

/** A Messaging API call with the channel access token. */
export const api = (emulator: Emulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(emulator, method, path, body, { authorization: `Bearer ${TOKEN}`, ...headers });

export const control = (emulator: Emulator, method: string, path: string, body?: unknown) => call(emulator, method, `/_emulator${path}`, body, {});

/** Creates a youth who has added the account as a friend; returns the user id and the follow event's reply token. */
export async function followingUser(emulator: Emulator): Promise<{ userId: string; replyToken: string }> {
  const created = await control(emulator, "POST", "/users", {});
  const follow = await control(emulator, "POST", `/users/${created.body.userId}/follow`);
  return { userId: created.body.userId, replyToken: follow.body.event.replyToken };
}
