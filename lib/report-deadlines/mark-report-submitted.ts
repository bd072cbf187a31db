import type { Db } from "@/db";
import { reportSubmissions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth";
import { calendarDateOf } from "@/lib/calendar";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { computeReportDeadlines, reportKindSchema, type ReportKind } from "./compute-report-deadlines";
import { ReportDeadlineError } from "./errors";

/**
 * Records that a report went to the city (R18, R19): who and when, once per report, audited. Only a
 * report the schedule in force calls for can be marked, so a typo cannot hide a missing one.
 */
export async function markReportSubmitted(db: Db, input: { kind: ReportKind; period: string; at: Date }, actor: Actor): Promise<void> {
  const kind = reportKindSchema.parse(input.kind);
  await db.transaction(async (tx) => {
    const stored = await loadCurrentSchedule(tx);
    const deadline = stored ? computeReportDeadlines(stored.schedule.servicePeriod).find((d) => d.kind === kind && d.period === input.period) : undefined;
    if (!deadline) throw new ReportDeadlineError("unknown_report");
    const inserted = await tx
      .insert(reportSubmissions)
      .values({ kind, period: input.period, submittedAt: input.at, submittedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: reportSubmissions.id });
    if (inserted.length === 0) throw new ReportDeadlineError("already_submitted");
    await appendAudit(tx, {
      action: "report.submitted",
      actor,
      target: `report:${kind}/${input.period}`,
      details: { kind, period: input.period, dueDate: deadline.dueDate, late: calendarDateOf(input.at) > deadline.dueDate },
    });
  });
}
