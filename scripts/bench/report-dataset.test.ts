import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { createKeyring, decryptField } from "@/lib/crypto";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { buildFiscalYearPreset, isStaffedAt } from "@/lib/schedule";
import { insertReportDataset } from "./report-dataset";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: Database;
let counselors: string[];

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  // postgres.js answers an array of rows, PGlite an object holding them.
  const result: unknown = await database.db.execute(query);
  return JSON.parse(JSON.stringify(Array.isArray(result) ? result : (result as { rows: T[] }).rows));
}

beforeAll(async () => {
  database = await createTestDatabase();
  counselors = [(await makeStaff(database.db, "bench-c1", "counselor")).id, (await makeStaff(database.db, "bench-c2", "counselor")).id];
});
afterAll(async () => {
  await database.close();
});

describe("the report benchmark's dataset", () => {
  it("inserts exactly the consultations and messages asked for, over the fiscal year, mostly in staffed hours", { timeout: 120_000 }, async () => {
    const made = await insertReportDataset(database.db, { fiscalYear: 2024, consultations: 1_000, messagesPerConsultation: 10, counselorIds: counselors, keyring, chunk: 300 });
    const [counts] = await rows<{ consultations: number; messages: number; records: number; youths: number; first: string; last: string }>(sql`
      select (select count(*)::int from consultations) as consultations, (select count(*)::int from consultation_messages) as messages,
             (select count(*)::int from consultation_records) as records, (select count(*)::int from youths) as youths,
             (select min(opened_at) from consultations) as first, (select max(opened_at) from consultations) as last`);
    expect(counts).toMatchObject({ consultations: 1_000, messages: 10_000, youths: 333, records: made.records });
    expect(made.records).toBeGreaterThan(800);
    expect(made.records).toBeLessThan(900);
    expect(new Date(counts!.first) >= new Date("2024-04-01T00:00:00+09:00")).toBe(true);
    expect(new Date(counts!.last) < new Date("2025-04-01T00:00:00+09:00")).toBe(true);

    const schedule = buildFiscalYearPreset(2024);
    const opened = await rows<{ opened_at: string }>(sql`select opened_at from consultations`);
    const staffed = opened.filter((r) => isStaffedAt(schedule, new Date(r.opened_at))).length;
    expect(staffed / opened.length).toBeGreaterThan(0.85);

    const [message] = await rows<{ body_enc: string }>(sql`select body_enc from consultation_messages where sender = 'youth' limit 1`);
    expect(decryptField(keyring, message!.body_enc)).toBe("相談したいです");
  });

  it("makes the same data for the same options", { timeout: 120_000 }, async () => {
    const fingerprint = () => rows<{ f: string }>(sql`select md5(string_agg(c.id::text || c.opened_at::text || c.close_reason || coalesce(r.age_band, '') || coalesce(r.outcome::text, ''), ',' order by c.id)) as f from consultations c left join consultation_records r on r.consultation_id = c.id`);
    const before = await fingerprint();
    await database.db.execute(sql`truncate consultation_records, consultation_messages, consultations, youths cascade`);
    await insertReportDataset(database.db, { fiscalYear: 2024, consultations: 1_000, messagesPerConsultation: 10, counselorIds: counselors, keyring, chunk: 700 });
    expect(await fingerprint()).toEqual(before);
  });
});
