import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consultations } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { createKeyring } from "@/lib/crypto";
import { claimConsultation, ConsoleError, listWaitingConsultations, type ConsoleActor } from "./index";
import { makeStaff, youthWrites } from "./testing/console-fixture";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let counselors: ConsoleActor[];

beforeAll(async () => {
  database = await createTestDatabase();
  counselors = [];
  for (let i = 0; i < 5; i++) counselors.push(await makeStaff(database.db, `counselor${i}`, "counselor"));
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate line_outbox, consultation_messages, consultations, youths cascade`);
});

const claim = (id: string, actor: ConsoleActor, maxActive = 3) => claimConsultation(database.db, id, actor, { at: new Date(), maxActive });

describe("claimConsultation", () => {
  it("lets exactly one of five counselors clicking at once win", async () => {
    const { consultationId } = await youthWrites(database.db, keyring, "聞いてほしい");
    const results = await Promise.allSettled(counselors.map((c) => claim(consultationId, c)));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const loss of lost) expect((loss.reason as ConsoleError).code).toBe("taken");
    const [row] = await database.db.select().from(consultations).where(eq(consultations.id, consultationId));
    const winner = counselors[results.findIndex((r) => r.status === "fulfilled")]!;
    expect(row).toMatchObject({ assignedTo: winner.id, status: "open" });
    expect(await listWaitingConsultations(database.db)).toHaveLength(0);
    const audit = (await listAudit(database.db, 5)).filter((a) => a.action === "consultation.claimed");
    expect(audit).toHaveLength(1);
  });

  it("refuses a counselor at their limit, and a closed consultation", async () => {
    const first = await youthWrites(database.db, keyring, "ひとつめ");
    const second = await youthWrites(database.db, keyring, "ふたつめ");
    await claim(first.consultationId, counselors[0]!, 1);
    await expect(claim(second.consultationId, counselors[0]!, 1)).rejects.toMatchObject({ code: "limit_reached" });
    await database.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, second.consultationId));
    await expect(claim(second.consultationId, counselors[1]!)).rejects.toMatchObject({ code: "closed" });
  });
});

describe("the queue", () => {
  it("puts risk first, then the longest waiting, and says who consulted before", async () => {
    const early = await youthWrites(database.db, keyring, "こんばんは", { at: new Date("2024-08-03T20:00:00+09:00") });
    const later = await youthWrites(database.db, keyring, "もう消えたい", { at: new Date("2024-08-03T20:10:00+09:00") });
    const latest = await youthWrites(database.db, keyring, "相談です", { at: new Date("2024-08-03T20:20:00+09:00") });
    expect(later).toMatchObject({ risk: "high", riskRaised: true });
    await database.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, latest.consultationId));
    const again = await youthWrites(database.db, keyring, "また来ました", { lineUserId: latest.lineUserId, at: new Date("2024-08-03T20:30:00+09:00") });
    const queue = await listWaitingConsultations(database.db);
    expect(queue.map((q) => q.id)).toEqual([later.consultationId, early.consultationId, again.consultationId]);
    expect(queue.map((q) => q.priority)).toEqual([2, 0, 0]);
    expect(queue.map((q) => q.earlierCount)).toEqual([0, 0, 1]);
    expect(JSON.stringify(queue)).not.toContain("消えたい");
  });
});
