import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { setClockForTests } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { startFakeVerifyServer } from "@/lib/liff/testing";

const CHANNEL_ID = "1650000000";
const now = new Date("2026-04-01T10:00:00Z");
const jar = vi.hoisted(() => new Map<string, { value: string; httpOnly?: boolean; sameSite?: string }>());
const holder = vi.hoisted(() => ({ database: null as TestDatabase | null }));

vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (cookie: { name: string; value: string }) => jar.set(cookie.name, cookie), get: (name: string) => jar.get(name) }),
}));
vi.mock("@/app/_server/database", () => ({ getDb: async () => holder.database!.db, getDatabase: async () => holder.database! }));

let fake: Awaited<ReturnType<typeof startFakeVerifyServer>>;

beforeAll(async () => {
  fake = await startFakeVerifyServer(CHANNEL_ID, now);
  holder.database = await createTestDatabase();
  setClockForTests(now);
  process.env.LINE_LOGIN_CHANNEL_ID = CHANNEL_ID;
  process.env.LINE_API_BASE_URL = fake.apiBaseUrl;
  process.env.SOUDAN_ENCRYPTION_KEY = Buffer.alloc(32, 5).toString("base64");
  const { resetConfigForTests } = await import("@/lib/config");
  resetConfigForTests();
});

afterAll(async () => {
  setClockForTests(null);
  await fake.close();
  await holder.database?.close();
});

const post = async (body: unknown) => {
  const { POST } = await import("@/app/api/liff/session/route");
  return POST(new Request("http://localhost/api/liff/session", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));
};

it.each(["forged", "expired", "otherChannel", "otherIssuer"])("answers 401 in Japanese to a %s token and sets no cookie", async (idToken) => {
  const response = await post({ idToken });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: ja.liff.tokenRefused });
  expect(jar.has("soudan_chat")).toBe(false);
});

it("answers 401 to a body without a token, ignoring any user id the page claims", async () => {
  expect((await post({ userId: "U-youth-1" })).status).toBe(401);
  expect(jar.has("soudan_chat")).toBe(false);
});

it("sets an HttpOnly session cookie for a token LINE confirms, which then identifies the youth", async () => {
  const response = await post({ idToken: "valid" });
  expect(response.status).toBe(200);
  const cookie = jar.get("soudan_chat");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("lax");
  const { requireYouthForApi } = await import("@/app/_server/youth-session");
  const youth = await requireYouthForApi();
  expect(youth).toHaveProperty("youthId");
});

const chat = async (method: "GET" | "POST", body?: unknown) => {
  const route = await import("@/app/api/liff/messages/route");
  return method === "GET" ? route.GET() : route.POST(new Request("http://localhost/api/liff/messages", { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } }));
};

it("keeps the chat closed without a session, and stores text sent with one", async () => {
  const saved = jar.get("soudan_chat");
  jar.delete("soudan_chat");
  expect((await chat("POST", { text: "こんにちは" })).status).toBe(401);
  expect(await (await chat("GET")).json()).toEqual({ error: ja.liff.sessionEnded });
  jar.set("soudan_chat", saved!);
  expect(await (await chat("POST", { text: "あ".repeat(1001) })).json()).toEqual({ error: ja.liff.tooLong });
  expect((await chat("POST", { text: "hi", image: "data:" })).status).toBe(400);
  const { POST: send } = await import("@/app/api/liff/messages/route");
  const forgedForm = new Request("http://localhost/api/liff/messages", { method: "POST", body: '{"text":"hi="}', headers: { "content-type": "text/plain" } });
  expect((await send(forgedForm)).status).toBe(415);
  expect((await chat("POST", { text: "眠れない" })).status).toBe(200);
  const listed = (await (await chat("GET")).json()) as { messages: { sender: string; text: string }[] };
  expect(listed.messages[0]).toMatchObject({ sender: "youth", text: "眠れない" });
  const { POST: end } = await import("@/app/api/liff/end/route");
  expect((await end(new Request("http://localhost/api/liff/end", { method: "POST", body: "{}", headers: { "content-type": "text/plain" } }))).status).toBe(415);
  expect(await (await end(new Request("http://localhost/api/liff/end", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }))).json()).toEqual({ ended: true });
  // The ended conversation stays readable for a while, read-only, ending with the closing message.
  const afterEnd = (await (await chat("GET")).json()) as { ended: boolean; messages: { sender: string; text: string }[]; status: { state: string } };
  expect(afterEnd).toMatchObject({ ended: true, status: { state: "none" } });
  expect(afterEnd.messages[0]).toMatchObject({ sender: "youth", text: "眠れない" });
  expect(afterEnd.messages.at(-1)).toMatchObject({ sender: "system", text: ja.autoReply.closed });
});

it("marks the youth present while the chat's event stream is open, and absent once it ends", async () => {
  expect((await post({ idToken: "valid" })).status).toBe(200);
  const { requireYouthForApi } = await import("@/app/_server/youth-session");
  const youth = (await requireYouthForApi()) as { youthId: string };
  const { findChatPresence } = await import("@/lib/presence");
  const { GET } = await import("@/app/api/liff/events/route");
  const client = new AbortController();
  const response = await GET(new Request("http://localhost/api/liff/events", { signal: client.signal }));
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toContain("event: ready");
  expect((await findChatPresence(holder.database!.db, youth.youthId, now)).connected).toBe(true);
  client.abort();
  await vi.waitFor(async () => expect((await findChatPresence(holder.database!.db, youth.youthId, now)).connected).toBe(false));
});

it("takes no secure-chat messages when the deployment runs CHAT_MODE=line", async () => {
  expect((await post({ idToken: "valid" })).status).toBe(200);
  process.env.CHAT_MODE = "line";
  const { resetConfigForTests } = await import("@/lib/config");
  resetConfigForTests();
  try {
    const response = await chat("POST", { text: "こんにちは" });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: ja.liff.lineMode });
  } finally {
    delete process.env.CHAT_MODE;
    resetConfigForTests();
  }
});

it("opens nothing to a tampered session cookie", async () => {
  expect((await post({ idToken: "valid" })).status).toBe(200);
  const genuine = jar.get("soudan_chat")!;
  const last = genuine.value.at(-1) === "A" ? "B" : "A";
  jar.set("soudan_chat", { ...genuine, value: genuine.value.slice(0, -1) + last });
  expect((await chat("GET")).status).toBe(401);
  expect((await chat("POST", { text: "なりすまし" })).status).toBe(401);
  const { GET } = await import("@/app/api/liff/events/route");
  expect((await GET(new Request("http://localhost/api/liff/events"))).status).toBe(401);
  jar.set("soudan_chat", genuine);
});

it("refuses a burst past the limit with 429 and keeps every message it accepted", async () => {
  setClockForTests(new Date(now.getTime() + 60_000));
  try {
    expect((await post({ idToken: "valid" })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await chat("POST", { text: `連投${i}` })).status);
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429, 429]);
    const listed = (await (await chat("GET")).json()) as { messages: { sender: string; text: string }[] };
    expect(listed.messages.filter((m) => m.sender === "youth").map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `連投${i}`));
  } finally {
    setClockForTests(now);
  }
});
