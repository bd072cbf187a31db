import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemoStaff } from "../seed-demo-staff";
import { createTestDatabase } from "@/db/testing";
import { verifyAuditChain } from "@/lib/audit";
import { createKeyring } from "@/lib/crypto";
import { seedExampleAgencies } from "@/lib/agencies";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { generateHistory, HistoryExistsError, type HistoryOptions } from "./generate-history";

const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function demoDatabase() {
  const database = await createTestDatabase();
  opened.push(database);
  await seedDemoStaff(database.db);
  await seedExampleAgencies(database.db, { at: new Date() });
  await saveSchedule(database.db, takeo2024Preset, null, new Date(), "test");
  return database;
}

/** What the reports will count, straight from the tables. */
async function tally(database: Database) {
  // postgres.js answers an array of rows, PGlite an object holding them.
  const list = async (query: ReturnType<typeof sql>) => {
    const result: unknown = await database.db.execute(query);
    return JSON.parse(JSON.stringify(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)) as unknown[];
  };
  return {
    consultations: await list(sql`select status, close_reason, channel, count(*)::int as n from consultations group by 1, 2, 3 order by 1, 2, 3`),
    messages: await list(sql`select sender, count(*)::int as n from consultation_messages group by 1 order by 1`),
    records: await list(sql`select outcome, age_band, gender, emergency, count(*)::int as n from consultation_records where finalized_at is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    inbox: await list(sql`select event_type, status, count(*)::int as n from line_inbox group by 1, 2 order by 1, 2`),
    youths: await list(sql`select following, count(*)::int as n from youths group by 1 order by 1`),
    openedAt: await list(sql`select to_char(opened_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI') as at from consultations order by 1`),
  };
}

const options = (keyring: HistoryOptions["keyring"]): HistoryOptions => ({
  from: "2024-08-03",
  to: "2024-08-12",
  seed: 42,
  keyring,
  schedule: takeo2024Preset,
  counselors: ["counselor1", "counselor2"],
});

describe("synthetic history", () => {
  it("makes the same consultations, messages and records for the same seed, through the domain functions", { timeout: 180_000 }, async () => {
    const keyring = createKeyring(randomBytes(32).toString("base64"));
    const first = await demoDatabase();
    const second = await demoDatabase();
    const summaryA = await generateHistory(first.db, options(keyring));
    const summaryB = await generateHistory(second.db, options(createKeyring(randomBytes(32).toString("base64"))));
    expect(summaryB).toEqual(summaryA);
    expect(await tally(second)).toEqual(await tally(first));

    // 8/3, 8/4 (weekend), 8/10, 8/11 (weekend) and 8/12 (振替休日): five staffed evenings.
    expect(summaryA.sessions).toBe(5);
    expect(summaryA.consultations).toBeGreaterThan(10);
    const facts = await tally(first);
    const closed = Object.values(summaryA.closed).reduce((a, b) => a + b, 0);
    expect(closed).toBe(summaryA.consultations);
    expect(facts.consultations.every((row) => (row as { status: string }).status === "closed")).toBe(true);
    expect(facts.messages).toContainEqual({ sender: "youth", n: summaryA.youthMessages });
    expect(facts.messages).toContainEqual({ sender: "counselor", n: summaryA.counselorMessages });
    // Every event went through the webhook and the inbox worker, and nothing is left owed to LINE.
    expect((facts.inbox as { status: string }[]).every((row) => row.status === "done")).toBe(true);
    const owed: unknown = await first.db.execute(sql`select count(*)::int as n from line_outbox where status in ('pending', 'sending')`);
    expect((Array.isArray(owed) ? owed : (owed as { rows: { n: number }[] }).rows)[0]?.n).toBe(0);
    // Every record that shares information has a consent or an R10 exception behind it.
    const sharing: unknown = await first.db.execute(sql`select (select count(*)::int from consents) as consents, (select count(*)::int from sharing_exceptions) as exceptions,
      (select count(*)::int from consultation_records r where r.information_shared and not exists (select 1 from consents c where c.consultation_id = r.consultation_id and c.withdrawn_at is null)
        and not exists (select 1 from sharing_exceptions x where x.consultation_id = r.consultation_id)) as unfounded`);
    expect((Array.isArray(sharing) ? sharing : (sharing as { rows: unknown[] }).rows)[0]).toEqual({ consents: summaryA.consents, exceptions: summaryA.sharingExceptions, unfounded: 0 });
    expect((await verifyAuditChain(first.db)).ok).toBe(true);
  });

  // A day of history through every domain function: longer than the default 30 s on a loaded machine.
  it("refuses to add the same seed's history twice", { timeout: 120_000 }, async () => {
    const keyring = createKeyring(randomBytes(32).toString("base64"));
    const database = await demoDatabase();
    await generateHistory(database.db, { ...options(keyring), to: "2024-08-03" });
    await expect(generateHistory(database.db, { ...options(keyring), to: "2024-08-03" })).rejects.toBeInstanceOf(HistoryExistsError);
  });
});
