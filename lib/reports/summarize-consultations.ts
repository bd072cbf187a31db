import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, consultationRecords, consultationTimings, consultations } from "@/db/schema";
import type { Session } from "@/lib/schedule";
import type { DateRange } from "@/lib/calendar";
import { monthLabel } from "./period";
import type { MonthRow, PeriodSummary } from "./schemas";
import { arrivedInHours, countWhere, durationStats, durationStatsFields, jstMonth, receivedIn, recordJoin, timingsJoin } from "./sql";

function prefixed<P extends string>(prefix: P, column: AnyColumn, condition: SQL) {
  const { n, median, p90, mean } = durationStatsFields(column, condition);
  return { [`${prefix}N`]: n, [`${prefix}Median`]: median, [`${prefix}P90`]: p90, [`${prefix}Mean`]: mean } as Record<`${P}${"N" | "Median" | "P90" | "Mean"}`, SQL<unknown>>;
}

function summaryFields(sessions: readonly Session[]) {
  const inHours = arrivedInHours(sessions);
  // Waiting and first response count only youth who wrote while counselors were on duty: a message
  // sent on Tuesday noon waits for Saturday evening by design, which says nothing about the service.
  const closedInHours = sql`${consultationTimings.arrivedInStaffedHours}`;
  return {
    consultations: sql<number>`count(*)::int`,
    youths: sql<number>`count(distinct ${consultations.youthId})::int`,
    staffedArrivals: countWhere(sql`${inHours}`),
    outOfHoursArrivals: countWhere(sql`not ${inHours}`),
    claimed: sql<number>`count(${consultations.firstClaimedAt})::int`,
    actual: countWhere(
      sql`exists (select 1 from ${consultationMessages} where ${consultationMessages.consultationId} = ${consultations.id} and ${consultationMessages.sender} = 'counselor') and not coalesce(${consultationRecords.outOfScope}, false)`,
    ),
    unanswered: countWhere(sql`${inHours} and ${consultations.firstClaimedAt} is null`),
    recorded: sql<number>`count(${consultationRecords.finalizedAt})::int`,
    stillOpen: countWhere(sql`${consultations.status} = 'open'`),
    emergencies: countWhere(sql`${consultationRecords.emergency}`),
    referrals: countWhere(sql`${consultationRecords.referralAgencyId} is not null`),
    outOfScope: countWhere(sql`${consultationRecords.outOfScope}`),
    abandoned: countWhere(sql`${consultations.closeReason} = 'abandoned'`),
    youthMessages: sql<number>`coalesce(sum(${consultationTimings.youthMessages}), 0)::int`,
    counselorMessages: sql<number>`coalesce(sum(${consultationTimings.counselorMessages}), 0)::int`,
    ...prefixed("waiting", consultationTimings.waitingSeconds, closedInHours),
    ...prefixed("response", consultationTimings.firstResponseSeconds, closedInHours),
    ...prefixed("duration", consultationTimings.durationSeconds, sql`true`),
    longest: sql<number | null>`max(${consultationTimings.durationSeconds})::float8`,
  };
}

type SummaryRow = { [K in keyof ReturnType<typeof summaryFields>]: unknown };

function toSummary(row: SummaryRow | undefined): PeriodSummary {
  const n = (key: keyof SummaryRow) => Number(row?.[key] ?? 0);
  const stats = (prefix: "waiting" | "response" | "duration") =>
    durationStats({ n: n(`${prefix}N`), median: row?.[`${prefix}Median`] ?? null, p90: row?.[`${prefix}P90`] ?? null, mean: row?.[`${prefix}Mean`] ?? null });
  return {
    consultations: n("consultations"),
    youths: n("youths"),
    staffedArrivals: n("staffedArrivals"),
    outOfHoursArrivals: n("outOfHoursArrivals"),
    claimed: n("claimed"),
    actual: n("actual"),
    unanswered: n("unanswered"),
    recorded: n("recorded"),
    stillOpen: n("stillOpen"),
    emergencies: n("emergencies"),
    referrals: n("referrals"),
    outOfScope: n("outOfScope"),
    abandoned: n("abandoned"),
    youthMessages: n("youthMessages"),
    counselorMessages: n("counselorMessages"),
    waiting: stats("waiting"),
    firstResponse: stats("response"),
    duration: stats("duration"),
    longestSeconds: row?.longest === null || row?.longest === undefined ? null : Number(row.longest),
  };
}

/** The headline figures of the consultations received in `range`. */
export async function summarizeConsultations(db: DbOrTx, range: DateRange, sessions: readonly Session[]): Promise<PeriodSummary> {
  const [row] = await db
    .select(summaryFields(sessions))
    .from(consultations)
    .leftJoin(consultationTimings, timingsJoin)
    .leftJoin(consultationRecords, recordJoin)
    .where(receivedIn(range));
  return toSummary(row);
}

/** The same figures per JST month of arrival, for every month in `months` (zeros where none arrived). */
export async function summarizeByMonth(db: DbOrTx, range: DateRange, sessions: readonly Session[], months: readonly string[]): Promise<MonthRow[]> {
  const month = jstMonth(consultations.openedAt);
  const rows = await db
    .select({ month, ...summaryFields(sessions) })
    .from(consultations)
    .leftJoin(consultationTimings, timingsJoin)
    .leftJoin(consultationRecords, recordJoin)
    .where(receivedIn(range))
    .groupBy(month);
  const byMonth = new Map(rows.map((row) => [row.month, toSummary(row)]));
  return months.map((key) => {
    const summary = byMonth.get(key) ?? toSummary(undefined);
    return {
      month: key,
      label: monthLabel(key),
      consultations: summary.consultations,
      youths: summary.youths,
      staffedArrivals: summary.staffedArrivals,
      outOfHoursArrivals: summary.outOfHoursArrivals,
      claimed: summary.claimed,
      actual: summary.actual,
      unanswered: summary.unanswered,
      emergencies: summary.emergencies,
      referrals: summary.referrals,
      outOfScope: summary.outOfScope,
      abandoned: summary.abandoned,
      waitingMedianSeconds: summary.waiting.medianSeconds,
    };
  });
}
