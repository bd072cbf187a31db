import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { makeStaff } from "@/lib/consultations/testing/console-fixture";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { listReportDeadlines, markReportSubmitted } from "./index";

let database: Database;
let supervisor: { id: string; loginId: string };

/** 09:00 JST on a date. */
const jst = (date: string) => new Date(`${date}T09:00:00+09:00`);

beforeAll(async () => {
  database = await createTestDatabase();
  supervisor = await makeStaff(database.db, "supervisor", "supervisor");
});
afterAll(async () => {
  await database.close();
});

describe("listing and marking report deadlines", () => {
  it("is empty before any schedule exists", async () => {
    expect(await listReportDeadlines(database.db, { at: jst("2024-09-01") })).toEqual([]);
  });

  it("shows what is overdue, due today and coming, in JST, and who marked what as submitted", async () => {
    await saveSchedule(database.db, takeo2024Preset, null, jst("2024-07-01"), "test");
    const onSept10 = await listReportDeadlines(database.db, { at: jst("2024-09-10"), horizonDays: 31 });
    expect(onSept10.map((d) => [d.kind, d.period, d.status, d.daysLeft])).toEqual([
      ["monthly_report", "2024-07", "overdue", -31],
      ["daily_log", "2024-07", "overdue", -31],
      ["monthly_reception", "2024-07", "overdue", -31],
      ["monthly_report", "2024-08", "due_today", 0],
      ["daily_log", "2024-08", "due_today", 0],
      ["monthly_reception", "2024-08", "due_today", 0],
      ["monthly_report", "2024-09", "upcoming", 30],
      ["daily_log", "2024-09", "upcoming", 30],
      ["monthly_reception", "2024-09", "upcoming", 30],
    ]);
    // 00:30 JST on the 11th is still the 10th in UTC: the day that counts is Japan's.
    const late = await listReportDeadlines(database.db, { at: new Date("2024-09-11T00:30:00+09:00"), horizonDays: 0 });
    expect(late.find((d) => d.period === "2024-08")?.status).toBe("overdue");

    await markReportSubmitted(database.db, { kind: "monthly_report", period: "2024-08", at: jst("2024-09-09") }, supervisor);
    const after = await listReportDeadlines(database.db, { at: jst("2024-09-10"), horizonDays: 31 });
    expect(after.find((d) => d.kind === "monthly_report" && d.period === "2024-08")).toMatchObject({ status: "submitted", submitted: { by: "supervisor", at: jst("2024-09-09") } });
    expect((await listAudit(database.db, 1))[0]).toMatchObject({
      action: "report.submitted",
      actorLogin: "supervisor",
      target: "report:monthly_report/2024-08",
      details: { kind: "monthly_report", period: "2024-08", dueDate: "2024-09-10", late: false },
    });
  });

  it("keeps an old unsubmitted report on the list, drops old submitted ones, and shows the annual one when near", async () => {
    const inMarch = await listReportDeadlines(database.db, { at: jst("2025-03-20"), horizonDays: 30 });
    expect(inMarch.find((d) => d.period === "2024-07" && d.kind === "monthly_report")?.status).toBe("overdue");
    expect(inMarch.find((d) => d.period === "2024-08" && d.kind === "monthly_report")).toBeUndefined();
    expect(inMarch.filter((d) => d.period === "2024").map((d) => [d.kind, d.dueDate, d.daysLeft])).toEqual([
      ["annual_report", "2025-04-10", 21],
      ["annual_reception", "2025-04-10", 21],
    ]);
    // A long-overdue report marked today stays in view, marked, rather than vanishing.
    await markReportSubmitted(database.db, { kind: "monthly_report", period: "2024-07", at: jst("2025-03-20") }, supervisor);
    const marked = await listReportDeadlines(database.db, { at: jst("2025-03-20"), horizonDays: 30 });
    expect(marked.find((d) => d.period === "2024-07" && d.kind === "monthly_report")).toMatchObject({ status: "submitted", daysLeft: -222 });
  });

  it("refuses a report the schedule does not call for, and a second mark of the same one", async () => {
    await expect(markReportSubmitted(database.db, { kind: "monthly_report", period: "2024-06", at: jst("2024-07-01") }, supervisor)).rejects.toMatchObject({ code: "unknown_report" });
    await expect(markReportSubmitted(database.db, { kind: "monthly_report", period: "2024-08", at: jst("2024-09-10") }, supervisor)).rejects.toMatchObject({ code: "already_submitted" });
    await markReportSubmitted(database.db, { kind: "annual_report", period: "2024", at: jst("2025-04-11") }, supervisor);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ details: { late: true, dueDate: "2025-04-10" } });
  });
});
