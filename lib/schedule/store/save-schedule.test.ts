import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, scheduleVersions, staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { verifyAuditChain } from "@/lib/audit";
import { takeo2024Preset, type Schedule } from "../index";
import { loadCurrentSchedule, saveSchedule, ScheduleValidationError } from "./index";

let database: Database;
let admin: { id: string; loginId: string };
const at = new Date("2024-07-01T10:00:00+09:00");
beforeAll(async () => {
  database = await createTestDatabase();
  const [row] = await database.db
    .insert(staff)
    .values({ loginId: "admin", displayName: "管理 太郎", role: "admin", passwordHash: "not used here" })
    .returning({ id: staff.id, loginId: staff.loginId });
  admin = row!;
});
afterAll(async () => {
  await database.close();
});

async function rowCounts() {
  const [versions] = await database.db.select({ n: count() }).from(scheduleVersions);
  const [audits] = await database.db.select({ n: count() }).from(auditLog);
  return { versions: versions!.n, audits: audits!.n };
}

const scheduleChanges = () => database.db.select().from(auditLog).where(eq(auditLog.action, "schedule.changed")).orderBy(auditLog.seq);

// One database for the file: the tests tell one story, version by version.
describe("saveSchedule and loadCurrentSchedule", () => {
  it("has no current schedule before the first save", async () => {
    expect(await loadCurrentSchedule(database.db)).toBeNull();
  });

  it("saves valid data as version 1, audited, and loads it back unchanged", async () => {
    expect(await saveSchedule(database.db, takeo2024Preset, admin, at, "  仕様書どおり ")).toEqual({ version: 1 });

    const current = await loadCurrentSchedule(database.db);
    expect(current).toMatchObject({ version: 1, schedule: takeo2024Preset, createdAt: at, createdBy: admin.id, note: "仕様書どおり" });
    const [entry] = await scheduleChanges();
    expect(entry).toMatchObject({
      actorId: admin.id,
      actorLogin: "admin",
      target: "schedule:1",
      details: {
        version: 1,
        note: "仕様書どおり",
        changed: ["timezone", "servicePeriod", "weekly", "holidays", "closures", "openings"],
        servicePeriod: { from: "2024-07-22", to: "2025-03-31" },
      },
    });
  });

  it("refuses overlapping timeframes with a Japanese message and writes nothing", async () => {
    const before = await rowCounts();
    const overlapping: Schedule = { ...takeo2024Preset, weekly: [...takeo2024Preset.weekly] };
    overlapping.weekly[6] = [
      { start: "20:00", end: "24:00" },
      { start: "21:00", end: "22:00" },
    ];

    const refusal = await saveSchedule(database.db, overlapping, admin, at).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ScheduleValidationError);
    expect((refusal as ScheduleValidationError).issues).toEqual([{ path: "weekly.6.1", message: "20:00〜24:00 と 21:00〜22:00 が重なっています" }]);
    expect((refusal as ScheduleValidationError).message).toContain("重なっています");
    expect(await rowCounts()).toEqual(before);
    expect((await loadCurrentSchedule(database.db))?.version).toBe(1);
  });

  it("refuses data that is not a schedule at all, in Japanese", async () => {
    const before = await rowCounts();
    await expect(saveSchedule(database.db, { timezone: "UTC" }, null, at)).rejects.toThrow(/タイムゾーンは Asia\/Tokyo のみ対応しています/);
    expect(await rowCounts()).toEqual(before);
  });

  it("makes a second save version 2, the current one, and audits only what changed", async () => {
    const extended: Schedule = { ...takeo2024Preset, closures: [{ from: "2024-12-27", to: "2025-01-05", reason: "年末年始（市と協議）" }] };
    expect(await saveSchedule(database.db, extended, null, at)).toEqual({ version: 2 });

    expect(await loadCurrentSchedule(database.db)).toMatchObject({ version: 2, schedule: extended, createdBy: null, note: null });
    const entries = await scheduleChanges();
    expect(entries.map((e) => e.details)).toEqual([
      expect.objectContaining({ version: 1 }),
      expect.objectContaining({ version: 2, note: null, changed: ["closures"] }),
    ]);
    expect(entries[1]).toMatchObject({ actorId: null, actorLogin: "command line" });
  });

  it("gives concurrent saves consecutive versions, none lost", async () => {
    const saved = await Promise.all([1, 2, 3].map((i) => saveSchedule(database.db, takeo2024Preset, admin, at, `同時${i}`)));
    expect(saved.map((s) => s.version).sort()).toEqual([3, 4, 5]);
    expect((await rowCounts()).versions).toBe(5);
    expect((await loadCurrentSchedule(database.db))?.version).toBe(5);
  });

  it("keeps the audit chain intact", async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 5 });
  });

  it("refuses to serve a stored version that no longer validates", async () => {
    await database.db.insert(scheduleVersions).values({ version: 6, definition: { ...takeo2024Preset, timezone: "UTC" } });
    await expect(loadCurrentSchedule(database.db)).rejects.toThrow(/第6版.*タイムゾーン/);
  });
});
