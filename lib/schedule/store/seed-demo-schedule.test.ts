import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, scheduleVersions } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { buildFiscalYearPreset } from "../index";
import { loadCurrentSchedule, saveSchedule, seedDemoSchedule } from "./index";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

// 2025-03-31 15:30 UTC is already 2025-04-01 in Japan: fiscal year 2025, not 2024.
const firstHourOfFiscal2025 = new Date("2025-03-31T15:30:00Z");

describe("seedDemoSchedule", () => {
  it("saves the fiscal year containing the instant in Japan, once, even when run concurrently", async () => {
    const results = await Promise.all([1, 2, 3].map(() => seedDemoSchedule(database.db, firstHourOfFiscal2025)));

    expect(results.filter((r) => r !== null)).toEqual([{ version: 1 }]);
    expect(await loadCurrentSchedule(database.db)).toMatchObject({ version: 1, schedule: buildFiscalYearPreset(2025), note: "demo" });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, "schedule.changed"));
    expect(audits).toMatchObject([{ actorLogin: "demo seed", target: "schedule:1" }]);
  });

  it("leaves a schedule saved since alone", async () => {
    await saveSchedule(database.db, buildFiscalYearPreset(2026), null, firstHourOfFiscal2025, "renewed");

    expect(await seedDemoSchedule(database.db, firstHourOfFiscal2025)).toBeNull();
    expect(await database.db.select({ version: scheduleVersions.version }).from(scheduleVersions).orderBy(scheduleVersions.version)).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    expect((await loadCurrentSchedule(database.db))?.note).toBe("renewed");
  });
});
