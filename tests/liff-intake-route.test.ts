import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { consultations } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { setClockForTests } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { startFakeVerifyServer } from "@/lib/liff/testing";

const CHANNEL_ID = "1650000000";
const now = new Date("2026-04-01T10:00:00Z");
const jar = vi.hoisted(() => new Map<string, { value: string }>());
const holder = vi.hoisted(() => ({ database: null as TestDatabase | null }));

vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (cookie: { name: string; value: string }) => jar.set(cookie.name, cookie), get: (name: string) => jar.get(name) }),
}));
vi.mock("@/app/_server/database", () => ({ getDb: async () => holder.database!.db }));

let fake: Awaited<ReturnType<typeof startFakeVerifyServer>>;

beforeAll(async () => {
  fake = await startFakeVerifyServer(CHANNEL_ID, now);
  holder.database = await createTestDatabase();
  setClockForTests(now);
  process.env.LINE_LOGIN_CHANNEL_ID = CHANNEL_ID;
  process.env.LINE_API_BASE_URL = fake.apiBaseUrl;
  process.env.SOUDAN_ENCRYPTION_KEY = Buffer.alloc(32, 6).toString("base64");
  const { resetConfigForTests } = await import("@/lib/config");
  resetConfigForTests();
  const { POST } = await import("@/app/api/liff/session/route");
  await POST(new Request("http://localhost/api/liff/session", { method: "POST", body: JSON.stringify({ idToken: "valid" }), headers: { "content-type": "application/json" } }));
});

afterAll(async () => {
  setClockForTests(null);
  await fake.close();
  await holder.database?.close();
});

const route = () => import("@/app/api/liff/intake/route");
const post = async (body: unknown, contentType = "application/json") =>
  (await route()).POST(new Request("http://localhost/api/liff/intake", { method: "POST", body: JSON.stringify(body), headers: { "content-type": contentType } }));

it("refuses without a chat session", async () => {
  const saved = jar.get("soudan_chat")!;
  jar.delete("soudan_chat");
  expect((await (await route()).GET()).status).toBe(401);
  expect((await post({})).status).toBe(401);
  jar.set("soudan_chat", saved);
});

it("hands out the current intake, checks the answers again on the server, and stores them once", async () => {
  const state = (await (await (await route()).GET()).json()) as { answered: boolean; versionId: string; version: number; definition: { kind: string } };
  expect(state).toMatchObject({ answered: false, version: 1, definition: { kind: "intake" } });

  expect((await post({ versionId: state.versionId, answers: {} }, "text/plain")).status).toBe(415);
  expect(await (await post({ versionId: "not-a-uuid", answers: {} })).json()).toEqual({ error: ja.intake.errors.summary });
  expect((await post({ versionId: "00000000-0000-4000-8000-000000000000", answers: {} })).status).toBe(400);
  const missing = await post({ versionId: state.versionId, answers: { ageBand: "junior_high", topics: ["unknown_topic"] } });
  expect(missing.status).toBe(400);
  expect(await missing.json()).toEqual({
    error: ja.intake.errors.summary,
    fieldErrors: { gender: ja.intake.errors.gender, topics: ja.intake.errors.topics, consent: ja.intake.errors.consent },
  });

  const answers = { ageBand: "elementary", gender: "female", topics: ["friends"], note: "<b>ともだち</b>", consent: true };
  expect(await (await post({ versionId: state.versionId, answers })).json()).toEqual({ ok: true });
  expect(await (await (await route()).GET()).json()).toEqual({ answered: true });
  expect((await post({ versionId: state.versionId, answers })).status).toBe(409);
  const rows = await holder.database!.db.select().from(consultations);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ intake: { ageBand: "elementary", gender: "female", topics: ["friends"], consent: true } });
});
