import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { buildFiscalYearPreset, takeo2024Preset } from "../index";
import { findScheduleCovering, saveSchedule } from "./index";

let database: Database;
const at = new Date("2024-07-01T10:00:00+09:00");
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("findScheduleCovering", () => {
  it("is null before any schedule exists", async () => {
    expect(await findScheduleCovering(database.db, { from: "2024-08-01", to: "2024-08-31" })).toBeNull();
  });

  it("picks the newest version whose service period overlaps the dates, not simply the newest", async () => {
    await saveSchedule(database.db, takeo2024Preset, null, at, "2024 contract");
    await saveSchedule(database.db, { ...takeo2024Preset, closures: [] }, null, at, "2024 contract without the year-end closure");
    await saveSchedule(database.db, buildFiscalYearPreset(2025), null, at, "2025 contract");
    const august2024 = await findScheduleCovering(database.db, { from: "2024-08-01", to: "2024-08-31" });
    expect(august2024).toMatchObject({ version: 2, note: "2024 contract without the year-end closure" });
    expect(august2024!.schedule.servicePeriod).toEqual({ from: "2024-07-22", to: "2025-03-31" });
    expect(await findScheduleCovering(database.db, { from: "2025-05-01", to: "2025-05-01" })).toMatchObject({ version: 3 });
    // Overlap is enough: a fiscal year that starts before the service period still finds it.
    expect(await findScheduleCovering(database.db, { from: "2024-04-01", to: "2025-03-31" })).toMatchObject({ version: 2 });
    // Nothing covers 2023: the current version answers, whose period then marks those days unstaffed.
    expect(await findScheduleCovering(database.db, { from: "2023-08-01", to: "2023-08-31" })).toMatchObject({ version: 3 });
  });
});
