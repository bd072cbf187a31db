import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { scheduleVersions, staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { resolveDay, takeo2024Preset } from "../index";
import { addScheduleClosure, loadCurrentSchedule, saveScheduleRules, ScheduleChangeError, ScheduleValidationError } from "./index";

let database: Database;
let admin: { id: string; loginId: string };
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

async function versionCount() {
  const [row] = await database.db.select({ n: count() }).from(scheduleVersions);
  return row!.n;
}

const { servicePeriod, weekly, holidays } = takeo2024Preset;
const evening = [{ start: "20:00", end: "24:00" }];
const at = new Date("2024-07-01T10:00:00+09:00");

describe("saveScheduleRules", () => {
  it("makes the first version when none exists, with no closures or openings", async () => {
    expect(await saveScheduleRules(database.db, { servicePeriod, weekly, holidays }, admin, null, at)).toEqual({ version: 1 });
    expect(await loadCurrentSchedule(database.db)).toMatchObject({
      version: 1,
      note: "曜日・祝日・設置期間を変更",
      schedule: { timezone: "Asia/Tokyo", servicePeriod, weekly, holidays, closures: [], openings: [] },
    });
  });

  it("changes the rules and keeps the closures saved in between", async () => {
    await addScheduleClosure(database.db, { from: "2024-12-28", to: "2025-01-05", reason: "年末年始" }, admin, at);
    const wednesdays = [[], [], [], [{ start: "18:00", end: "20:00" }], [], [], evening];
    // A rules form cannot remove closures, whatever else its payload carries.
    const payload = { servicePeriod, weekly: wednesdays, holidays, closures: [] };

    expect(await saveScheduleRules(database.db, payload, admin, 2, at)).toEqual({ version: 3 });

    const saved = (await loadCurrentSchedule(database.db))!;
    expect(saved.schedule.weekly).toEqual(wednesdays);
    expect(saved.schedule.closures).toEqual([{ from: "2024-12-28", to: "2025-01-05", reason: "年末年始" }]);
    expect(resolveDay(saved.schedule, "2024-09-18")).toMatchObject({ rule: "weekly", timeframes: [{ start: "18:00", end: "20:00" }] });
  });

  it("refuses rules edited from an older version, so another admin's change is not undone", async () => {
    await expect(saveScheduleRules(database.db, { servicePeriod, weekly, holidays }, admin, 2, at)).rejects.toEqual(new ScheduleChangeError("stale"));
    await expect(saveScheduleRules(database.db, { servicePeriod, weekly, holidays }, admin, null, at)).rejects.toEqual(new ScheduleChangeError("stale"));
    expect(await versionCount()).toBe(3);
  });

  it("refuses overlapping timeframes, end before start and a period that leaves a closure outside, all at once; nothing saved", async () => {
    const bad = {
      servicePeriod: { from: "2024-07-22", to: "2024-12-31" },
      weekly: [[{ start: "21:00", end: "20:00" }], [], [], [], [], [], [...evening, { start: "21:00", end: "22:00" }]],
      holidays: { enabled: true, timeframes: [{ start: "20:00", end: "25:00" }] },
    };
    const error = await saveScheduleRules(database.db, bad, admin, 3, at).then(() => null, (e: unknown) => e);

    expect(error).toBeInstanceOf(ScheduleValidationError);
    expect((error as ScheduleValidationError).issues).toEqual([
      { path: "weekly.0.0.end", message: "終了時刻は開始時刻より後にしてください" },
      { path: "weekly.6.1", message: "20:00〜24:00 と 21:00〜22:00 が重なっています" },
      { path: "holidays.timeframes.0.end", message: "終了時刻「25:00」は正しくありません。00:00〜24:00 の HH:MM 形式で入力してください" },
      { path: "closures.0.to", message: "休止期間の終了日は設置期間（2024-07-22〜2024-12-31）内の日付にしてください" },
    ]);
    expect(await versionCount()).toBe(3);
  });
});
