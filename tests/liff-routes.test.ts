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
vi.mock("@/db", () => ({ getDb: async () => holder.database!.db }));

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
  expect(await (await chat("GET")).json()).toEqual({ consultationId: null, messages: [] });
});
