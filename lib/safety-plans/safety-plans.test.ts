import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, lineOutbox, safetyPlanVersions } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { claimConsultation, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { ensureSafetyContacts } from "@/lib/safety";
import { loadSafetyPlan, saveSafetyPlan, sendSafetyPlan } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let alice: ConsoleActor;
let bob: ConsoleActor;
const at = new Date("2024-08-03T11:30:00Z");
const plan = { warningSigns: "眠れなくなる\n部屋から出たくなくなる", whatHelps: "好きな音楽を聴く", people: "おばあちゃん", places: "図書館", numbers: "24時間子供SOSダイヤル 0120-0-78310" };

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureSafetyContacts(database.db);
  alice = await makeStaff(database.db, "alice", "counselor");
  bob = await makeStaff(database.db, "bob", "counselor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate safety_plan_versions, consultation_messages, line_outbox, consultations, youths cascade`);
});

async function held() {
  const { consultationId } = await youthWrites(database.db, keyring, "つらい", { at });
  await claimConsultation(database.db, consultationId, alice, { at, maxActive: 5 });
  return consultationId;
}

describe("safety plan", () => {
  it("starts from the deployment's safety numbers, saves versions encrypted and audits them by id", async () => {
    const consultationId = await held();
    const blank = await loadSafetyPlan(database.db, consultationId, keyring);
    expect(blank.versions).toEqual([]);
    expect(blank.plan.numbers.length).toBeGreaterThan(0);
    expect(await saveSafetyPlan(database.db, { consultationId, plan: { warningSigns: "", whatHelps: "\n" }, at }, alice, keyring)).toEqual({ ok: false, fieldErrors: { warningSigns: ja.safetyPlan.errors.empty } });
    expect(await saveSafetyPlan(database.db, { consultationId, plan, at }, alice, keyring)).toEqual({ ok: true, version: 1 });
    expect(await saveSafetyPlan(database.db, { consultationId, plan: { ...plan, places: "図書館\n公園" }, at }, alice, keyring)).toEqual({ ok: true, version: 2 });
    const [row] = await database.db.select().from(safetyPlanVersions).where(eq(safetyPlanVersions.version, 2));
    expect(row!.planEnc).not.toContain("図書館");
    expect((await loadSafetyPlan(database.db, consultationId, keyring)).plan.places).toEqual(["図書館", "公園"]);
    const [audit] = await listAudit(database.db, 1);
    expect(audit).toMatchObject({ action: "safety_plan.saved", details: { safetyPlanVersionId: row!.id, version: 2 } });
    await expect(saveSafetyPlan(database.db, { consultationId, plan, at }, bob, keyring)).rejects.toMatchObject({ code: "not_holder" });
  });

  it("secure mode: the plan appears in the secure chat and LINE carries only the content-free notice", async () => {
    const consultationId = await held();
    expect(await sendSafetyPlan(database.db, { consultationId, at, mode: "secure" }, alice, keyring)).toEqual({ ok: false, reason: "nothing_to_send" });
    await saveSafetyPlan(database.db, { consultationId, plan, at }, alice, keyring);
    expect(await sendSafetyPlan(database.db, { consultationId, at, mode: "secure" }, alice, keyring)).toEqual({ ok: true, version: 1 });
    const [message] = await database.db.select().from(consultationMessages).where(eq(consultationMessages.sender, "counselor"));
    const text = decryptField(keyring, message!.bodyEnc!);
    expect(text).toContain(ja.safetyPlan.heading);
    expect(text).toContain("・眠れなくなる");
    expect(message!.via).toBe("secure_chat");
    const outbox = await database.db.select().from(lineOutbox);
    expect(outbox.length).toBe(1);
    const payload = decryptField(keyring, outbox[0]!.payloadEnc!);
    expect(payload).not.toContain("眠れなくなる");
    expect(payload).not.toContain(ja.safetyPlan.heading);
    expect((await database.db.select().from(safetyPlanVersions))[0]).toMatchObject({ sentAt: at, sentBy: alice.id, messageId: message!.id });
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "safety_plan.sent", details: { version: 1, messageId: message!.id } });
  });

  it("line mode: the plan goes to the LINE talk as a text message through the outbox", async () => {
    const consultationId = await held();
    await saveSafetyPlan(database.db, { consultationId, plan, at }, alice, keyring);
    await sendSafetyPlan(database.db, { consultationId, at, mode: "line" }, alice, keyring);
    const [outbox] = await database.db.select().from(lineOutbox).where(eq(lineOutbox.kind, "push"));
    const payload = JSON.parse(decryptField(keyring, outbox!.payloadEnc!)) as { messages: { type: string; text: string }[] };
    expect(payload.messages[0]!.text).toContain("・好きな音楽を聴く");
  });
});
