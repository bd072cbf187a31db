import http from "node:http";
import type { AddressInfo } from "node:net";
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

it("lets the server read requests while pass after pass finds work without waiting on anything", async () => {
  // PGlite's queries complete within microtasks; a loop that never gave the event loop a turn would hold every request back.
  const server = http.createServer((_request, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let passes = 0;
  let passesWhenAnswered: number | undefined;
  const answered = fetch(`http://127.0.0.1:${port}/`).then(() => {
    passesWhenAnswered = passes;
  });
  const PASSES = 20_000;
  const loop = startWorkerLoop("busy", async () => ++passes < PASSES, 60_000);
  await answered;
  await vi.waitFor(() => expect(passes).toBe(PASSES));
  await loop.stop();
  server.close();
  expect(passesWhenAnswered).toBeLessThan(PASSES);
});
