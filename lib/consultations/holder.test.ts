import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultations } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createKeyring } from "@/lib/crypto";
import { authorizeConsultationView, claimConsultation, describeConsultationHolder, transferConsultation, type ConsoleActor } from "./index";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let first: ConsoleActor;
let second: ConsoleActor;
let supervisor: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await makeStaff(database.db, "first-counselor", "counselor");
  second = await makeStaff(database.db, "second-counselor", "counselor");
  supervisor = await makeStaff(database.db, "night-supervisor", "supervisor");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, youths cascade`);
});

const as = (actor: ConsoleActor) => ({ id: actor.id, supervises: actor.role === "supervisor" });

describe("describeConsultationHolder", () => {
  it("tells a counselor who never held it nothing, not even that it is under way", async () => {
    const { consultationId } = await youthWrites(database.db, keyring, "聞いてほしい");
    await claimConsultation(database.db, consultationId, first, { at: new Date(), maxActive: 3 });
    await expect(authorizeConsultationView(database.db, consultationId, second)).rejects.toMatchObject({ code: "not_holder" });
    expect(await describeConsultationHolder(database.db, consultationId, as(second))).toBeNull();
    expect(await describeConsultationHolder(database.db, consultationId, as(supervisor))).toEqual({ phase: "active", holderName: "first-counselor" });
  });

  it("names the new holder after a supervisor reassigns it, to the old holder who is now refused", async () => {
    const { consultationId } = await youthWrites(database.db, keyring, "聞いてほしい");
    await claimConsultation(database.db, consultationId, first, { at: new Date(), maxActive: 3 });
    await transferConsultation(database.db, { consultationId, toStaffId: second.id, at: new Date() }, supervisor);
    await expect(authorizeConsultationView(database.db, consultationId, first)).rejects.toMatchObject({ code: "not_holder" });
    expect(await describeConsultationHolder(database.db, consultationId, as(first))).toEqual({ phase: "active", holderName: "second-counselor" });
  });

  it("names the holder to a counselor it was handed to and then taken from, though someone else claimed it first", async () => {
    const { consultationId } = await youthWrites(database.db, keyring, "聞いてほしい");
    await claimConsultation(database.db, consultationId, first, { at: new Date(), maxActive: 3 });
    await transferConsultation(database.db, { consultationId, toStaffId: second.id, at: new Date() }, supervisor);
    await transferConsultation(database.db, { consultationId, toStaffId: first.id, at: new Date() }, supervisor);
    expect(await describeConsultationHolder(database.db, consultationId, as(second))).toEqual({ phase: "active", holderName: "first-counselor" });
  });

  it("names nobody for a consultation back in the queue or closed, and knows no unknown id", async () => {
    const { consultationId } = await youthWrites(database.db, keyring, "聞いてほしい");
    expect(await describeConsultationHolder(database.db, consultationId, as(supervisor))).toEqual({ phase: "waiting", holderName: null });
    expect(await describeConsultationHolder(database.db, consultationId, as(first))).toBeNull();
    await claimConsultation(database.db, consultationId, first, { at: new Date(), maxActive: 3 });
    await database.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, consultationId));
    expect(await describeConsultationHolder(database.db, consultationId, as(first))).toEqual({ phase: "closed", holderName: null });
    expect(await describeConsultationHolder(database.db, randomUUID(), as(supervisor))).toBeNull();
  });
});
