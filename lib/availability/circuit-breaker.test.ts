import { afterEach, expect, it } from "vitest";
import { createCircuitBreaker, DatabaseUnavailableError, isConnectionFailure, type CircuitBreaker } from "./index";

const breakers: CircuitBreaker[] = [];
afterEach(() => breakers.splice(0).forEach((b) => b.stop()));

function breakerWith(state: { up: boolean }, changes: boolean[] = []) {
  const breaker = createCircuitBreaker({
    probe: async () => {
      if (!state.up) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    },
    deadlineMs: 100,
    probeEveryMs: 20,
    onChange: (open) => changes.push(open),
  });
  breakers.push(breaker);
  return breaker;
}

const refused = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));

it("opens on a connection failure, refuses at once while open, and closes when a background probe succeeds", async () => {
  const state = { up: false };
  const changes: boolean[] = [];
  const breaker = breakerWith(state, changes);
  await expect(breaker.run(refused)).rejects.toMatchObject({ reason: "connection" });
  expect(breaker.isOpen()).toBe(true);
  let called = false;
  await expect(breaker.run(async () => (called = true))).rejects.toMatchObject({ reason: "known_down" });
  expect(called).toBe(false);
  expect(await breaker.check()).toBe(false);

  state.up = true;
  await expect.poll(() => breaker.isOpen(), { timeout: 1000, interval: 10 }).toBe(false);
  expect(await breaker.run(async () => "stored")).toBe("stored");
  expect(changes).toEqual([true, false]);
});

it("answers at the deadline when the work hangs, and opens only if a probe confirms the database is down", async () => {
  const state = { up: true };
  const breaker = breakerWith(state);
  const hang = () => new Promise<never>(() => {});
  const started = performance.now();
  await expect(breaker.run(hang)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  expect(performance.now() - started).toBeLessThan(300);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(breaker.isOpen()).toBe(false);

  state.up = false;
  await expect(breaker.run(hang)).rejects.toMatchObject({ reason: "deadline" });
  await expect.poll(() => breaker.isOpen(), { timeout: 1000, interval: 10 }).toBe(true);
});

it("lets a statement's own error through without opening", async () => {
  const breaker = breakerWith({ up: true });
  const bad = Object.assign(new Error("duplicate key"), { code: "23505" });
  await expect(breaker.run(() => Promise.reject(bad))).rejects.toBe(bad);
  expect(breaker.isOpen()).toBe(false);
});

it("tells connection failures from statement errors, through drizzle's wrapping", () => {
  const wrap = (cause: unknown) => Object.assign(new Error("Failed query: insert …"), { cause });
  expect(isConnectionFailure(wrap({ code: "CONNECT_TIMEOUT" }))).toBe(true);
  expect(isConnectionFailure(wrap({ code: "57P01" }))).toBe(true);
  expect(isConnectionFailure(wrap({ code: "08006" }))).toBe(true);
  expect(isConnectionFailure(wrap(Object.assign(new Error('database "x" is not currently accepting connections'), { code: "55000" })))).toBe(true);
  expect(isConnectionFailure(wrap({ code: "23505" }))).toBe(false);
  expect(isConnectionFailure(new Error("plain"))).toBe(false);
});
