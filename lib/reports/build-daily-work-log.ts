import { and, eq, gte, inArray, lt, sql, type AnyColumn } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { loadReportCover } from "./load-report-cover";
import { consultationMessages, consultationRecords, consultationTimings, consultations, staff } from "@/db/schema";
import { ja } from "@/lib/i18n/ja";
import { loadReportSchedule } from "./load-report-schedule";
import { workDay, workDayRange } from "./work-day";
import { monthRange } from "@/lib/calendar";
import { dayLabel, monthLabel, reportMonthSchema } from "./period";
import type { DailyWorkLog, WorkLogDay } from "./schemas";
import { arrivedInHours, countWhere, timingsJoin } from "./sql";

const within = (column: AnyColumn, range: { start: Date; end: Date }) => and(gte(column, range.start), lt(column, range.end));

type DayCounts = Omit<WorkLogDay, "date" | "label" | "hours" | "staffOnDuty" | "notes"> & { staff: Set<string>; consultations: Set<string> };

const emptyDay = (): DayCounts => ({
  received: 0,
  receivedInHours: 0,
  handled: 0,
  counselorMessages: 0,
  closed: 0,
  emergencies: 0,
  referrals: 0,
  riskDetected: 0,
  abandoned: 0,
  staff: new Set(),
  consultations: new Set(),
});

function notesOf(day: DayCounts): string[] {
  const t = ja.reports.notes;
  const notes = [
    day.emergencies && t.emergencies.replace("{n}", String(day.emergencies)),
    day.riskDetected && t.riskDetected.replace("{n}", String(day.riskDetected)),
    day.referrals && t.referrals.replace("{n}", String(day.referrals)),
    day.abandoned && t.abandoned.replace("{n}", String(day.abandoned)),
  ].filter((note): note is string => typeof note === "string");
  return notes.length > 0 || day.handled > 0 || day.received > 0 ? notes : [t.noActivity];
}

/**
 * 業務日誌: one entry per day of the month that was staffed or had any work — who was on duty (the
 * counselors who took or answered a consultation that day), what arrived, what was handled and
 * closed, and the notable events as counts. Days are 業務日 (see work-day.ts): a record written at
 * 00:20 after a Saturday evening session is Saturday's work. Nothing a youth or counselor wrote
 * appears here.
 */
export async function buildDailyWorkLog(db: DbOrTx, options: { month: string; municipality?: string | null; at: Date }): Promise<DailyWorkLog> {
  const month = reportMonthSchema.parse(options.month);
  const range = monthRange(month);
  const { plans, sessions, outsideServicePeriod } = await loadReportSchedule(db, range);
  const work = workDayRange(range);
  const days = new Map<string, DayCounts>();
  const day = (date: string) => days.get(date) ?? days.set(date, emptyDay()).get(date)!;

  const replies = await db
    .select({ date: workDay(consultationMessages.sentAt), authorId: consultationMessages.authorId, consultationId: consultationMessages.consultationId, n: sql<number>`count(*)::int` })
    .from(consultationMessages)
    .where(and(eq(consultationMessages.sender, "counselor"), within(consultationMessages.sentAt, work)))
    .groupBy(sql`1`, consultationMessages.authorId, consultationMessages.consultationId);
  for (const row of replies) {
    const d = day(row.date);
    d.counselorMessages += Number(row.n);
    d.consultations.add(row.consultationId);
    if (row.authorId) d.staff.add(row.authorId);
  }
  const claims = await db
    .select({ date: workDay(consultations.firstClaimedAt), staffId: consultations.firstClaimedBy, consultationId: consultations.id })
    .from(consultations)
    .where(within(consultations.firstClaimedAt, work));
  for (const row of claims) {
    const d = day(row.date);
    d.consultations.add(row.consultationId);
    if (row.staffId) d.staff.add(row.staffId);
  }
  const received = await db
    .select({ date: workDay(consultations.openedAt), n: sql<number>`count(*)::int`, inHours: countWhere(sql`${arrivedInHours(sessions)}`) })
    .from(consultations)
    .leftJoin(consultationTimings, timingsJoin)
    .where(within(consultations.openedAt, work))
    .groupBy(sql`1`);
  for (const row of received) Object.assign(day(row.date), { received: Number(row.n), receivedInHours: Number(row.inHours) });
  const closed = await db
    .select({ date: workDay(consultations.closedAt), n: sql<number>`count(*)::int`, abandoned: countWhere(sql`${consultations.closeReason} = 'abandoned'`) })
    .from(consultations)
    .where(within(consultations.closedAt, work))
    .groupBy(sql`1`);
  for (const row of closed) Object.assign(day(row.date), { closed: Number(row.n), abandoned: Number(row.abandoned) });
  const records = await db
    .select({
      date: workDay(consultationRecords.finalizedAt),
      emergencies: countWhere(sql`${consultationRecords.emergency}`),
      referrals: countWhere(sql`${consultationRecords.referralAgencyId} is not null`),
    })
    .from(consultationRecords)
    .where(within(consultationRecords.finalizedAt, work))
    .groupBy(sql`1`);
  for (const row of records) Object.assign(day(row.date), { emergencies: Number(row.emergencies), referrals: Number(row.referrals) });
  const risks = await db
    .select({ date: workDay(consultations.riskDetectedAt), n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(within(consultations.riskDetectedAt, work))
    .groupBy(sql`1`);
  for (const row of risks) day(row.date).riskDetected = Number(row.n);

  const staffIds = [...new Set([...days.values()].flatMap((d) => [...d.staff]))];
  const names = new Map(
    staffIds.length === 0 ? [] : (await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, staffIds))).map((s) => [s.id, s.name]),
  );
  // Every staffed day, and every other day on which anything happened (work after midnight, out-of-hours arrivals).
  const listed = plans.filter((plan) => plan.timeframes.length > 0 || days.has(plan.date));
  return {
    kind: "daily_log",
    month,
    title: ja.reports.titles.daily_log,
    municipality: options.municipality ?? null,
    from: range.from,
    to: range.to,
    periodLabel: monthLabel(month),
    generatedAt: options.at.toISOString(),
    outsideServicePeriod,
    cover: await loadReportCover(db, { municipality: options.municipality ?? null }),
    days: listed.map((plan) => {
      const counts = days.get(plan.date) ?? emptyDay();
      const { staff: onDuty, consultations: handled, ...figures } = counts;
      return {
        date: plan.date,
        label: dayLabel(plan.date),
        hours: plan.timeframes.length > 0 ? plan.timeframes.map((tf) => `${tf.start}〜${tf.end}`).join("、") : ja.reports.labels.notStaffed,
        staffOnDuty: [...onDuty].map((id) => names.get(id) ?? id).sort((a, b) => a.localeCompare(b, "ja")),
        ...figures,
        handled: handled.size,
        notes: notesOf({ ...counts, handled: handled.size }),
      };
    }),
  };
}
