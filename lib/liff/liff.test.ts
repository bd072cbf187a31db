import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { youthChatSessions, youths } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { CHAT_SESSION_MS, describeLiffApp, IdTokenError, resolveChatSession, startChatSession, verifyLiffIdToken } from "./index";
import { revokeChatSession } from "./testing";
import { startFakeVerifyServer } from "./testing";

const CHANNEL_ID = "1650000000";
const now = new Date("2026-04-01T10:00:00Z");
const keyring = createKeyring(Buffer.alloc(32, 3).toString("base64"));

let fake: Awaited<ReturnType<typeof startFakeVerifyServer>>;
let database: TestDatabase;

beforeAll(async () => {
  fake = await startFakeVerifyServer(CHANNEL_ID, now);
  database = await createTestDatabase();
});

afterAll(async () => {
  await fake.close();
  await database.close();
});

const verify = (token: string) => verifyLiffIdToken(token, { apiBaseUrl: fake.apiBaseUrl, channelId: CHANNEL_ID, now });

describe("LIFF ID token verification", () => {
  it("returns LINE's sub for a genuine token, sending the token and our channel id as a form", async () => {
    expect(await verify("valid")).toBe("U-youth-1");
    const last = fake.received.at(-1);
    expect(last?.get("id_token")).toBe("valid");
    expect(last?.get("client_id")).toBe(CHANNEL_ID);
  });

  it.each([
    ["forged", "rejected_by_line"],
    ["expired", "expired"],
    ["otherChannel", "wrong_audience"],
    ["otherIssuer", "wrong_issuer"],
  ])("refuses a %s token (%s)", async (token, reason) => {
    const error = await verify(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as IdTokenError).reason).toBe(reason);
  });

  it("treats an unreachable LINE as a refusal, not as a pass", async () => {
    const error = await verifyLiffIdToken("valid", { apiBaseUrl: "http://127.0.0.1:1", channelId: CHANNEL_ID, now }).catch((e: unknown) => e);
    expect((error as IdTokenError).reason).toBe("unreachable");
  });
});

describe(`youth chat sessions (${testDatabaseKind()})`, () => {
  it("creates the youth once, stores only a hash of the token, and resolves it until it expires", async () => {
    const sub = await verify("valid");
    const first = await startChatSession(database.db, sub, keyring, now);
    const second = await startChatSession(database.db, sub, keyring, now);
    expect(second.youthId).toBe(first.youthId);
    expect(await database.db.select().from(youths).where(eq(youths.id, first.youthId))).toHaveLength(1);
    const stored = await database.db.select().from(youthChatSessions).where(eq(youthChatSessions.youthId, first.youthId));
    expect(stored).toHaveLength(2);
    expect(stored.map((s) => s.tokenHash)).not.toContain(first.token);
    expect(await resolveChatSession(database.db, first.token, now)).toEqual({ youthId: first.youthId });
    const justBefore = new Date(now.getTime() + CHAT_SESSION_MS - 1);
    expect(await resolveChatSession(database.db, first.token, justBefore)).toEqual({ youthId: first.youthId });
    expect(await resolveChatSession(database.db, first.token, first.expiresAt)).toBeNull();
  });

  it("never resolves an unknown or revoked token", async () => {
    const session = await startChatSession(database.db, "U-youth-2", keyring, now);
    expect(await resolveChatSession(database.db, "not-a-token", now)).toBeNull();
    expect(await resolveChatSession(database.db, "", now)).toBeNull();
    await revokeChatSession(database.db, session.token, now);
    expect(await resolveChatSession(database.db, session.token, now)).toBeNull();
  });
});

describe("the LIFF app as configured", () => {
  it("uses LINE's LIFF URL, and the SDK's mock only when LINE is played by something else", () => {
    expect(describeLiffApp({ LIFF_ID: "2000000000-abc", LINE_API_BASE_URL: "https://api.line.me" })).toEqual({
      liffId: "2000000000-abc",
      url: "https://liff.line.me/2000000000-abc",
      mock: false,
    });
    expect(describeLiffApp({ LIFF_ID: "2000000000-abc", LINE_API_BASE_URL: "http://127.0.0.1:3100" }).mock).toBe(true);
    expect(describeLiffApp({ LIFF_ID: undefined, LINE_API_BASE_URL: "https://api.line.me" })).toEqual({ liffId: null, url: null, mock: false });
  });
});
