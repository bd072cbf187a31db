import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { youthChatConnections } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { ensureYouth } from "@/lib/youths";
import { closeChatConnection, findChatPresence, openChatConnection, renewChatConnection } from "./index";
import { CHAT_CONNECTION_LEASE_MS } from "./lease";
import { CHAT_CONNECTION_RETENTION_MS } from "./lease";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const t0 = new Date("2026-04-04T11:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const newYouth = async () => (await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring)).id;

describe(`secure chat presence (${testDatabaseKind()})`, () => {
  it("knows nothing of a youth who never opened the chat", async () => {
    expect(await findChatPresence(database.db, await newYouth(), t0)).toEqual({ connected: false, lastSeenAt: null });
  });

  it("is connected while a stream renews its lease, and remembers when it closed", async () => {
    const youthId = await newYouth();
    const id = await openChatConnection(database.db, youthId, t0);
    expect(await findChatPresence(database.db, youthId, at(1000))).toEqual({ connected: true, lastSeenAt: t0 });
    await renewChatConnection(database.db, id, at(20_000));
    expect(await findChatPresence(database.db, youthId, at(20_000 + CHAT_CONNECTION_LEASE_MS - 1))).toEqual({ connected: true, lastSeenAt: at(20_000) });
    await closeChatConnection(database.db, id, at(30_000));
    expect(await findChatPresence(database.db, youthId, at(30_000))).toEqual({ connected: false, lastSeenAt: at(30_000) });
    // A late heartbeat of a closed stream does not bring it back.
    await renewChatConnection(database.db, id, at(40_000));
    expect(await findChatPresence(database.db, youthId, at(40_000))).toEqual({ connected: false, lastSeenAt: at(30_000) });
  });

  it("counts a stream whose lease ran out as gone, and one of two tabs as enough", async () => {
    const youthId = await newYouth();
    await openChatConnection(database.db, youthId, t0);
    expect((await findChatPresence(database.db, youthId, at(CHAT_CONNECTION_LEASE_MS))).connected).toBe(false);
    const second = await openChatConnection(database.db, youthId, at(CHAT_CONNECTION_LEASE_MS));
    expect((await findChatPresence(database.db, youthId, at(CHAT_CONNECTION_LEASE_MS + 1))).connected).toBe(true);
    await closeChatConnection(database.db, second, at(CHAT_CONNECTION_LEASE_MS + 2));
    expect((await findChatPresence(database.db, youthId, at(CHAT_CONNECTION_LEASE_MS + 3))).connected).toBe(false);
  });

  it("prunes a youth's connections older than a day when they connect again", async () => {
    const youthId = await newYouth();
    const old = await openChatConnection(database.db, youthId, t0);
    await closeChatConnection(database.db, old, at(1000));
    await openChatConnection(database.db, youthId, at(CHAT_CONNECTION_RETENTION_MS + 2000));
    const rows = await database.db.select({ id: youthChatConnections.id }).from(youthChatConnections).where(eq(youthChatConnections.youthId, youthId));
    expect(rows.map((r) => r.id)).not.toContain(old);
    expect(rows).toHaveLength(1);
  });
});
