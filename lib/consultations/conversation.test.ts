import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultationMessages, consultationNotes, consultations, lineOutbox } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { createKeyring, decryptField } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { deliverNextOutboxItem } from "@/lib/line-api";
import { createFakeLineApi } from "@/lib/line-api/testing/fake-line-api";
import {
  addInternalNote,
  claimConsultation,
  listConsultationMessages,
  retryCounselorMessage,
  sendCounselorMessage,
  transferConsultation,
  viewConsultation,
  type ConsoleActor,
} from "./index";
import { listInternalNotes } from "./list-internal-notes";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let alice: ConsoleActor;
let bob: ConsoleActor;
let boss: ConsoleActor;
let consultationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await makeStaff(database.db, "alice", "counselor");
  bob = await makeStaff(database.db, "bob", "counselor");
  boss = await makeStaff(database.db, "boss", "supervisor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_notes, consultation_messages, consultation_records, consultations, youths cascade`);
  consultationId = (await youthWrites(database.db, keyring, "学校に行けていません")).consultationId;
  await claimConsultation(database.db, consultationId, alice, { at: new Date(), maxActive: 3 });
});

const send = (text: string, actor = alice, mode: "line" | "secure" = "line") =>
  sendCounselorMessage(database.db, { consultationId, text, at: new Date(), mode }, actor, keyring);

describe("sendCounselorMessage", () => {
  it("stores the reply encrypted and, in line mode, queues the words as a push it shows the state of", async () => {
    const { messageId } = await send("話してくれてありがとう");
    const [stored] = await database.db.select().from(consultationMessages).where(eq(consultationMessages.id, messageId));
    expect(stored!.bodyEnc).not.toContain("ありがとう");
    const [push] = await database.db.select().from(lineOutbox).where(eq(lineOutbox.id, stored!.outboxId!));
    expect(push!.kind).toBe("push");
    expect(decryptField(keyring, push!.payloadEnc!)).toContain("話してくれてありがとう");
    const messages = await listConsultationMessages(database.db, consultationId, keyring);
    expect(messages.at(-1)).toMatchObject({ sender: "counselor", text: "話してくれてありがとう", delivery: "queued", authorId: alice.id });
    const fake = createFakeLineApi();
    await deliverNextOutboxItem(database.db, { api: fake.api, keyring, now: () => new Date() });
    expect((await listConsultationMessages(database.db, consultationId, keyring)).at(-1)!.delivery).toBe("sent");
  });

  it("in secure mode sends LINE only a content-free notice", async () => {
    const { messageId } = await send("秘密の話", alice, "secure");
    const [stored] = await database.db.select().from(consultationMessages).where(eq(consultationMessages.id, messageId));
    const [push] = await database.db.select().from(lineOutbox).where(eq(lineOutbox.id, stored!.outboxId!));
    const payload = decryptField(keyring, push!.payloadEnc!);
    expect(payload).toContain(ja.line.replyNotice);
    expect(payload).not.toContain("秘密");
    expect(stored!.via).toBe("secure_chat");
  });

  it("refuses anyone but the holder, even a supervisor, and empty text", async () => {
    await expect(send("横から", bob)).rejects.toMatchObject({ code: "not_holder" });
    await expect(send("見守り中", boss)).rejects.toMatchObject({ code: "not_holder" });
    await expect(send("   ")).rejects.toMatchObject({ code: "empty_message" });
    expect(await database.db.select().from(lineOutbox)).toHaveLength(0);
  });

  it("shows a failed message and puts it back in the queue on retry, with the same retry key", async () => {
    const { messageId } = await send("届くかな");
    const [before] = await database.db.select().from(lineOutbox);
    await database.db.update(lineOutbox).set({ status: "failed", lastError: "400" }).where(eq(lineOutbox.id, before!.id));
    expect((await listConsultationMessages(database.db, consultationId, keyring)).at(-1)!.delivery).toBe("failed");
    await expect(retryCounselorMessage(database.db, messageId, bob)).rejects.toMatchObject({ code: "not_holder" });
    await retryCounselorMessage(database.db, messageId, alice);
    const [after] = await database.db.select().from(lineOutbox);
    expect(after).toMatchObject({ status: "pending", attempts: 0, retryKey: before!.retryKey });
    await expect(retryCounselorMessage(database.db, messageId, alice)).rejects.toMatchObject({ code: "not_failed" });
  });
});

describe("internal notes", () => {
  it("are written by the holder or a supervisor, kept apart from messages, and never sent", async () => {
    await addInternalNote(database.db, { consultationId, text: "母親からの暴力の可能性", at: new Date() }, alice, keyring);
    await addInternalNote(database.db, { consultationId, text: "SVより：次回も継続", at: new Date() }, boss, keyring);
    await expect(addInternalNote(database.db, { consultationId, text: "x", at: new Date() }, bob, keyring)).rejects.toMatchObject({ code: "not_holder" });
    expect((await listInternalNotes(database.db, consultationId, keyring)).map((n) => [n.author, n.text])).toEqual([
      ["alice", "母親からの暴力の可能性"],
      ["boss", "SVより：次回も継続"],
    ]);
    expect((await listConsultationMessages(database.db, consultationId, keyring)).map((m) => m.text)).not.toContain("母親からの暴力の可能性");
    expect(await database.db.select().from(lineOutbox)).toHaveLength(0);
    expect((await database.db.select().from(consultationNotes))[0]!.bodyEnc).not.toContain("暴力");
  });
});

describe("transferConsultation", () => {
  it("hands over to another counselor, who alone may then reply, and is audited", async () => {
    await transferConsultation(database.db, { consultationId, toStaffId: bob.id, at: new Date() }, alice);
    await expect(send("まだ私が")).rejects.toMatchObject({ code: "not_holder" });
    await send("引き継ぎました", bob);
    expect((await listAudit(database.db, 10)).find((a) => a.action === "consultation.transferred")).toMatchObject({
      actorLogin: "alice",
      details: { from: alice.id, to: bob.id },
    });
  });

  it("goes back to the queue, and a supervisor may reassign what someone else holds", async () => {
    await expect(transferConsultation(database.db, { consultationId, toStaffId: null, at: new Date() }, bob)).rejects.toMatchObject({ code: "not_holder" });
    await transferConsultation(database.db, { consultationId, toStaffId: null, at: new Date() }, alice);
    expect((await database.db.select().from(consultations))[0]).toMatchObject({ assignedTo: null, status: "open" });
    await claimConsultation(database.db, consultationId, bob, { at: new Date(), maxActive: 3 });
    await transferConsultation(database.db, { consultationId, toStaffId: alice.id, at: new Date() }, boss);
    expect((await database.db.select().from(consultations))[0]!.assignedTo).toBe(alice.id);
    await expect(transferConsultation(database.db, { consultationId, toStaffId: alice.id, at: new Date() }, boss)).rejects.toMatchObject({
      code: "invalid_target",
    });
  });
});

describe("viewConsultation", () => {
  it("shows the holder and supervisors the conversation, audited, and refuses other counselors", async () => {
    const view = await viewConsultation(database.db, consultationId, boss, keyring, new Date());
    expect(view.consultation).toMatchObject({ phase: "active", canReply: false, holderName: "alice" });
    expect(view.messages.map((m) => m.text)).toEqual(["学校に行けていません"]);
    expect((await viewConsultation(database.db, consultationId, alice, keyring, new Date())).consultation.canReply).toBe(true);
    await expect(viewConsultation(database.db, consultationId, bob, keyring, new Date())).rejects.toMatchObject({ code: "not_holder" });
    const views = (await listAudit(database.db, 10)).filter((a) => a.action === "consultation.viewed");
    expect(views.map((v) => v.actorLogin)).toEqual(["alice", "boss"]);
  });

  it("audits a view once per person, consultation and 10 minutes, not on every live refresh", async () => {
    const viewsOf = async () => (await listAudit(database.db, 500)).filter((a) => a.action === "consultation.viewed" && a.target === `consultation:${consultationId}`).length;
    const start = new Date(Date.now() + 60 * 60_000);
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    const before = await viewsOf();
    await viewConsultation(database.db, consultationId, alice, keyring, start);
    expect(await viewsOf()).toBe(before + 1);
    for (const at of [minutes(0), minutes(1), minutes(9.9)]) await viewConsultation(database.db, consultationId, alice, keyring, at);
    expect(await viewsOf()).toBe(before + 1);
    await viewConsultation(database.db, consultationId, boss, keyring, minutes(5));
    expect(await viewsOf()).toBe(before + 2);
    await viewConsultation(database.db, consultationId, alice, keyring, minutes(10));
    await viewConsultation(database.db, consultationId, alice, keyring, minutes(12));
    expect(await viewsOf()).toBe(before + 3);
    await Promise.all([minutes(25), minutes(25)].map((at) => viewConsultation(database.db, consultationId, alice, keyring, at)));
    expect(await viewsOf()).toBe(before + 4);
  });
});

describe("showTypingIndicator", () => {
  it("queues the LINE loading animation for the holder, once per interval", async () => {
    const { showTypingIndicator } = await import("./index");
    expect(await showTypingIndicator(database.db, { consultationId }, alice, keyring)).toBe(true);
    expect(await showTypingIndicator(database.db, { consultationId }, alice, keyring)).toBe(false);
    await expect(showTypingIndicator(database.db, { consultationId }, bob, keyring)).rejects.toMatchObject({ code: "not_holder" });
    expect((await database.db.select().from(lineOutbox)).map((r) => r.kind)).toEqual(["loading"]);
  });
});

describe("listCounselorLoad", () => {
  it("counts what each counselor holds and shows who is signed in", async () => {
    const { listCounselorLoad } = await import("./index");
    const { createStaffSession } = await import("@/lib/auth/staff-sessions");
    await createStaffSession(database.db, bob.id, true);
    const load = await listCounselorLoad(database.db, new Date(), 30);
    expect(load.map((s) => [s.displayName, s.active, s.present])).toEqual([
      ["alice", 1, false],
      ["bob", 0, true],
      ["boss", 0, false],
    ]);
  });
});
