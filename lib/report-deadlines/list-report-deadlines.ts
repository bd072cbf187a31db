import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reportSubmissions, staff } from "@/db/schema";
import { addCalendarDays, calendarDateOf, daysBetween } from "@/lib/calendar";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { computeReportDeadlines, type ReportDeadline } from "./compute-report-deadlines";

export type DeadlineStatus = "submitted" | "overdue" | "due_today" | "upcoming";

export interface ReportDeadlineState extends ReportDeadline {
  status: DeadlineStatus;
  /** Calendar days from today (JST) to the due date; negative when overdue. */
  daysLeft: number;
  submitted: { at: Date; by: string } | null;
}

/**
 * The report deadlines of the schedule in force as of `at` (JST): every unsubmitted report that is due
 * within `horizonDays` or overdue, and the submitted ones due or marked within `horizonDays`, so the
 * dashboard shows what is coming, what is late, and who handed in what (a late one stays in view once marked).
 */
export async function listReportDeadlines(db: DbOrTx, options: { at: Date; horizonDays?: number }): Promise<ReportDeadlineState[]> {
  const stored = await loadCurrentSchedule(db);
  if (!stored) return [];
  const horizon = options.horizonDays ?? 45;
  const today = calendarDateOf(options.at);
  const submissions = await db
    .select({ kind: reportSubmissions.kind, period: reportSubmissions.period, at: reportSubmissions.submittedAt, by: staff.displayName })
    .from(reportSubmissions)
    .innerJoin(staff, eq(staff.id, reportSubmissions.submittedBy));
  const submittedBy = new Map(submissions.map((s) => [`${s.kind}/${s.period}`, { at: s.at, by: s.by }]));
  return computeReportDeadlines(stored.schedule.servicePeriod)
    .map((deadline): ReportDeadlineState => {
      const submitted = submittedBy.get(`${deadline.kind}/${deadline.period}`) ?? null;
      const daysLeft = daysBetween(today, deadline.dueDate);
      const status: DeadlineStatus = submitted ? "submitted" : daysLeft < 0 ? "overdue" : daysLeft === 0 ? "due_today" : "upcoming";
      return { ...deadline, status, daysLeft, submitted };
    })
    .filter((d) => {
      if (!d.submitted) return d.dueDate <= addCalendarDays(today, horizon);
      const recentlyDue = d.dueDate >= addCalendarDays(today, -horizon) && d.dueDate <= addCalendarDays(today, horizon);
      return recentlyDue || d.submitted.at.getTime() >= options.at.getTime() - horizon * 86_400_000;
    });
}
