import { expect, it, vi } from "vitest";
import { startWorkerLoop } from "./worker-loop";

it("runs again at once while there is work, waits when idle, wakes on demand, and survives errors", async () => {
  const results = [true, true, false, "boom", false];
  let calls = 0;
  const loop = startWorkerLoop("test", async () => {
    const next = results[calls++];
    if (next === "boom") throw new Error("boom");
    return next === true;
  }, 60_000);
  await vi.waitFor(() => expect(calls).toBe(3));
  loop.wake();
  await vi.waitFor(() => expect(calls).toBe(4));
  loop.wake();
  await vi.waitFor(() => expect(calls).toBe(5));
  await loop.stop();
  expect(calls).toBe(5);
});
