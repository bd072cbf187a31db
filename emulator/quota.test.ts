import { afterEach, beforeEach, expect, it } from "vitest";
import type { Emulator } from "./server";
import { api, control, followingUser, manualClock, startEmulator, startReceiver, type Receiver } from "./test-support";

let emulator: Emulator;
let receiver: Receiver;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  // 2025-01-31 23:00 in Tokyo: an hour before the month's count starts again.
  clock = manualClock(Date.UTC(2025, 0, 31, 14, 0, 0));
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url, { now: clock.now, monthlyLimit: 2 });
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

const push = (to: string) => api(emulator, "POST", "/v2/bot/message/push", { to, messages: [{ type: "text", text: "返信があります" }] });

it("reports the monthly target and this month's usage in LINE's shapes", async () => {
  const { userId } = await followingUser(emulator);
  expect((await api(emulator, "GET", "/v2/bot/message/quota")).body).toEqual({ type: "limited", value: 2 });
  await push(userId);
  expect((await api(emulator, "GET", "/v2/bot/message/quota/consumption")).body).toEqual({ totalUsage: 1 });
  await control(emulator, "PUT", "/quota", { limit: null });
  expect((await api(emulator, "GET", "/v2/bot/message/quota")).body).toEqual({ type: "none" });
});

it("answers LINE's monthly-limit 429 without Retry-After once the target is used up, delivers nothing, and lets replies through", async () => {
  const { userId } = await followingUser(emulator);
  expect((await push(userId)).status).toBe(200);
  expect((await push(userId)).status).toBe(200);
  const refused = await push(userId);
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual({ message: "You have reached your monthly limit." });
  expect(refused.headers.get("retry-after")).toBeNull();
  expect((await api(emulator, "GET", "/v2/bot/message/quota/consumption")).body).toEqual({ totalUsage: 2 });
  const { body: timeline } = await control(emulator, "GET", `/users/${userId}/timeline`);
  expect(timeline.entries.filter((e: { from: string }) => e.from === "bot")).toHaveLength(2);
});

it("starts counting again on the first of the month, Japan time", async () => {
  const { userId } = await followingUser(emulator);
  await control(emulator, "PUT", "/quota", { limit: 2, used: 2 });
  expect((await push(userId)).status).toBe(429);
  clock.advance(60 * 60 * 1000);
  expect((await push(userId)).status).toBe(200);
  expect((await api(emulator, "GET", "/v2/bot/message/quota/consumption")).body).toEqual({ totalUsage: 1 });
});

it("keeps the configured target across a reset, which forgets the usage", async () => {
  const { userId } = await followingUser(emulator);
  await push(userId);
  await control(emulator, "POST", "/reset");
  expect((await api(emulator, "GET", "/v2/bot/message/quota")).body).toEqual({ type: "limited", value: 2 });
  expect((await api(emulator, "GET", "/v2/bot/message/quota/consumption")).body).toEqual({ totalUsage: 0 });
});
