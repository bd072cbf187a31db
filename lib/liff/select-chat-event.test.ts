import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultations } from "@/db/schema";
import { createTestDatabase, testDatabaseKind } from "@/db/testing";
import { claimConsultation } from "@/lib/consultations";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { createKeyring } from "@/lib/crypto";
import { ensureYouth } from "@/lib/youths";
import { receiveSecureChatMessage, selectChatEvent } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const t0 = new Date("2026-04-01T10:00:00Z");
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A youth who wrote in the secure chat and now waits. */
async function waitingYouth(n: number) {
  const youthId = (await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring)).id;
  const sent = await receiveSecureChatMessage(database.db, { youthId, text: "話したい", at: new Date(t0.getTime() + n * 1000), pagingConfigured: false }, keyring);
  if (!sent.ok) throw new Error("refused");
  return { youthId, consultationId: sent.consultationId };
}

describe(`who hears which console event on the secure chat (${testDatabaseKind()})`, () => {
  it("sends others' queue changes only to waiting youths, and each youth's own changes to them alone", async () => {
    const counselor = await makeStaff(database.db, "select-chat-counselor", "counselor");
    const waiting = await waitingYouth(1);
    const talking = await waitingYouth(2);
    const stranger = await waitingYouth(3);
    await claimConsultation(database.db, talking.consultationId, counselor, { at: t0, maxActive: 5 });
    const forWaiting = selectChatEvent(database.db, waiting.youthId);
    const forTalking = selectChatEvent(database.db, talking.youthId);

    // Someone else's consultation is claimed: the waiting youth's place moves; the one talking hears nothing.
    const claim = { kind: "assignment" as const, consultationId: stranger.consultationId };
    expect(await forWaiting(claim)).toEqual({ name: "queue", data: {} });
    expect(await forTalking(claim)).toBeNull();
    // A message or note on someone else's consultation moves nobody.
    expect(await forWaiting({ kind: "message", consultationId: stranger.consultationId })).toBeNull();
    // The youth's own change comes as `chat` with its id, whether waiting or not.
    expect(await forTalking({ kind: "message", consultationId: talking.consultationId })).toEqual({ name: "chat", data: { kind: "message", consultationId: talking.consultationId } });

    // The waiting youth is taken: from then on others' claims no longer reach them.
    await claimConsultation(database.db, waiting.consultationId, counselor, { at: t0, maxActive: 5 });
    expect(await forWaiting({ kind: "assignment", consultationId: waiting.consultationId })).toMatchObject({ name: "chat" });
    expect(await forWaiting({ kind: "closed", consultationId: stranger.consultationId })).toBeNull();

    // The talking youth is put back in the queue: their own `released` tells the stream, and queue changes reach them again.
    await database.db.update(consultations).set({ assignedTo: null }).where(eq(consultations.id, talking.consultationId));
    expect(await forTalking({ kind: "released", consultationId: talking.consultationId })).toMatchObject({ name: "chat" });
    expect(await forTalking({ kind: "queue", consultationId: stranger.consultationId })).toEqual({ name: "queue", data: {} });
    expect(await forTalking({ kind: "queue" })).toEqual({ name: "queue", data: {} });
  });

  it("starts hearing queue changes once the youth opens a new consultation", async () => {
    const youthId = (await ensureYouth(database.db, "U" + randomBytes(16).toString("hex"), keyring)).id;
    const stranger = await waitingYouth(4);
    const select = selectChatEvent(database.db, youthId);
    expect(await select({ kind: "queue", consultationId: stranger.consultationId })).toBeNull();
    const sent = await receiveSecureChatMessage(database.db, { youthId, text: "聞いてほしい", at: t0, pagingConfigured: false }, keyring);
    if (!sent.ok) throw new Error("refused");
    expect(await select({ kind: "queue", consultationId: sent.consultationId })).toMatchObject({ name: "chat" });
    expect(await select({ kind: "risk", consultationId: stranger.consultationId })).toEqual({ name: "queue", data: {} });
  });
});
