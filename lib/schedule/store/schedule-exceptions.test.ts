import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, scheduleVersions, staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { verifyAuditChain } from "@/lib/audit";
import { resolveDay, takeo2024Preset } from "../index";
import { addScheduleClosure, addScheduleOpening, loadCurrentSchedule, removeScheduleException, saveSchedule, ScheduleChangeError, ScheduleValidationError } from "./index";

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
async function current() {
  return (await loadCurrentSchedule(database.db))!;
}
async function lastScheduleAudit() {
  const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, "schedule.changed")).orderBy(desc(auditLog.seq)).limit(1);
  return row!;
}
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ScheduleValidationError);
  return (error as ScheduleValidationError).issues;
}

const evening = [{ start: "20:00", end: "24:00" }];
const at = new Date("2024-07-01T10:00:00+09:00");

// One database for the file: the tests tell one story, version by version.
describe("closures and openings added and removed on the admin screen", () => {
  it("refuses a change before any schedule exists", async () => {
    await expect(addScheduleClosure(database.db, { from: "2024-09-14", to: "2024-09-14", reason: "研修のため" }, admin, at)).rejects.toEqual(
      new ScheduleChangeError("no_schedule"),
    );
    expect(await versionCount()).toBe(0);
    await saveSchedule(database.db, takeo2024Preset, null, at, "契約どおり");
  });

  it("adds a one-off closure as a new version, with a note saying what and why, audited", async () => {
    expect(resolveDay((await current()).schedule, "2024-09-14")).toMatchObject({ rule: "weekly", timeframes: evening });

    expect(await addScheduleClosure(database.db, { from: "2024-09-14", to: "2024-09-14", reason: "研修のため" }, admin, at)).toEqual({ version: 2 });

    const saved = await current();
    expect(saved).toMatchObject({ version: 2, createdBy: admin.id, note: "休止を追加: 2024-09-14 研修のため" });
    expect(resolveDay(saved.schedule, "2024-09-14")).toEqual({ date: "2024-09-14", rule: "closure", timeframes: [], reason: "研修のため" });
    expect(saved.schedule.closures).toEqual([...takeo2024Preset.closures, { from: "2024-09-14", to: "2024-09-14", reason: "研修のため" }]);
    expect(await lastScheduleAudit()).toMatchObject({
      actorLogin: "admin",
      target: "schedule:2",
      details: { version: 2, note: "休止を追加: 2024-09-14 研修のため", changed: ["closures"] },
    });
  });

  it("refuses a closure ending before it starts, or outside the service period, naming the closure's fields; nothing saved", async () => {
    expect(await refusal(addScheduleClosure(database.db, { from: "2024-10-13", to: "2024-10-12", reason: "行事" }, admin, at))).toEqual([
      { path: "to", message: "休止期間の開始日は終了日以前にしてください" },
    ]);
    expect(await refusal(addScheduleClosure(database.db, { from: "2025-03-30", to: "2025-04-02", reason: "年度替わり" }, admin, at))).toEqual([
      { path: "to", message: "休止期間の終了日は設置期間（2024-07-22〜2025-03-31）内の日付にしてください" },
    ]);
    expect(await versionCount()).toBe(2);
  });

  it("adds a dated opening, which overrides the new-year closure on its date", async () => {
    const opening = { date: "2024-12-30", timeframes: [{ start: "18:00", end: "22:00" }], reason: "年末特別相談" };
    expect(await addScheduleOpening(database.db, opening, admin, at)).toEqual({ version: 3 });

    const saved = await current();
    expect(saved.note).toBe("臨時開設を追加: 2024-12-30 18:00〜22:00 年末特別相談");
    expect(resolveDay(saved.schedule, "2024-12-30")).toMatchObject({ rule: "opening", timeframes: opening.timeframes, reason: "年末特別相談" });
  });

  it("refuses a second opening on the same date and overlapping timeframes, naming the opening's fields", async () => {
    expect(await refusal(addScheduleOpening(database.db, { date: "2024-12-30", timeframes: evening, reason: "重複" }, admin, at))).toEqual([
      { path: "date", message: "2024-12-30 の臨時開設が重複しています。1日にまとめてください" },
    ]);
    const overlapping = [
      { start: "10:00", end: "12:00" },
      { start: "11:00", end: "13:00" },
    ];
    expect(await refusal(addScheduleOpening(database.db, { date: "2024-11-05", timeframes: overlapping, reason: "行事" }, admin, at))).toEqual([
      { path: "timeframes.1", message: "10:00〜12:00 と 11:00〜13:00 が重なっています" },
    ]);
    expect(await versionCount()).toBe(3);
  });

  it("removes a closure and an opening by their content, each as an audited version", async () => {
    await removeScheduleException(database.db, { kind: "closure", from: "2024-09-14", to: "2024-09-14", reason: "研修のため" }, admin, at);
    expect((await current()).note).toBe("休止を削除: 2024-09-14 研修のため");
    expect(resolveDay((await current()).schedule, "2024-09-14")).toMatchObject({ rule: "weekly", timeframes: evening });

    await removeScheduleException(database.db, { kind: "opening", date: "2024-12-30" }, admin, at);
    const saved = await current();
    expect(saved).toMatchObject({ version: 5, note: "臨時開設を削除: 2024-12-30 年末特別相談" });
    expect(saved.schedule).toEqual(takeo2024Preset);
    expect(await lastScheduleAudit()).toMatchObject({ target: "schedule:5", details: { changed: ["openings"] } });
  });

  it("says so when the exception to remove is gone (another admin removed it), and saves nothing", async () => {
    await expect(removeScheduleException(database.db, { kind: "closure", from: "2024-09-14", to: "2024-09-14", reason: "研修のため" }, admin, at)).rejects.toEqual(
      new ScheduleChangeError("exception_not_found"),
    );
    await expect(removeScheduleException(database.db, { kind: "opening", date: "2024-12-30" }, admin, at)).rejects.toEqual(new ScheduleChangeError("exception_not_found"));
    expect(await versionCount()).toBe(5);
  });

  it("keeps every closure when admins add them at the same moment", async () => {
    const days = ["2024-10-05", "2024-10-06", "2024-10-12"];
    await Promise.all(days.map((day) => addScheduleClosure(database.db, { from: day, to: day, reason: `同時 ${day}` }, admin, at)));

    const saved = await current();
    expect(saved.version).toBe(8);
    expect(saved.schedule.closures.map((c) => c.from).sort()).toEqual(["2024-10-05", "2024-10-06", "2024-10-12", "2024-12-28"]);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 8 });
  });
});
