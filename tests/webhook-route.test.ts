import { createHmac } from "node:crypto";
import { beforeEach, expect, it, vi } from "vitest";

const secret = "route-test-channel-secret";

vi.mock("@/app/_server/database", () => ({
  getDb: vi.fn(async () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))),
  // A breaker that lets every request through, so each test sees the route's own answer.
  getDatabaseBreaker: () => ({ run: (work: () => Promise<unknown>) => work() }),
}));

beforeEach(async () => {
  process.env.LINE_CHANNEL_SECRET = secret;
  process.env.SOUDAN_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
  const { resetConfigForTests } = await import("@/lib/config");
  resetConfigForTests();
});

function signedRequest(body: string) {
  return new Request("http://localhost/api/line/webhook", {
    method: "POST",
    body,
    headers: { "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") },
  });
}

it("answers 503 when the database cannot take the events, so LINE redelivers them", async () => {
  const { POST } = await import("@/app/api/line/webhook/route");
  const body = JSON.stringify({ destination: "U0", events: [{ type: "follow", timestamp: 1, webhookEventId: "01X", source: { type: "user", userId: "U1" } }] });
  const response = await POST(signedRequest(body));
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ error: "temporarily unavailable" });
});

it("answers 401 without a signature, before touching the database", async () => {
  const { POST } = await import("@/app/api/line/webhook/route");
  expect((await POST(new Request("http://localhost/api/line/webhook", { method: "POST", body: "{}" }))).status).toBe(401);
});
