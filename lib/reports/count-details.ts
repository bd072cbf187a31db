import { and, desc, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultationTimings, consultations, lineFollowerSnapshots } from "@/db/schema";
import type { DateRange } from "@/lib/calendar";
import { loadCurrentForm, type RecordDefinition } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import type { DayPlan } from "@/lib/schedule";
import { choiceIds, choiceLabel, type ChoiceField } from "./labels";
import type { CountRow, CrossTab, ServiceFigures } from "./schemas";
import { receivedIn, recordJoin, timingsJoin } from "./sql";

/** 相談時間 bands in minutes: [0, 30), [30, 60), [60, 90), [90, 120), [120, ∞). */
const DURATION_BANDS = [30, 60, 90, 120] as const;

async function countDurationBands(db: DbOrTx, range: DateRange): Promise<CountRow[]> {
  const band = sql<number>`width_bucket(${consultationTimings.durationSeconds} / 60.0, array[${sql.raw(DURATION_BANDS.join(","))}]::numeric[])`;
  const rows = await db
    .select({ band, n: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(consultationTimings, timingsJoin)
    .where(sql`${receivedIn(range)} and ${consultationTimings.durationSeconds} is not null`)
    .groupBy(sql`1`);
  const counts = new Map(rows.map((row) => [Number(row.band), Number(row.n)]));
  return ja.reports.labels.durationBands.map((label, i) => ({ id: String(i), label, count: counts.get(i) ?? 0 }));
}

/** A record without the field (no id a form can hold). */
const NOT_ANSWERED = "";

/** Records count once per chosen topic; consultations without a record are not in a cross table. */
async function crossTopics(db: DbOrTx, range: DateRange, definition: RecordDefinition, field: "ageBand" | "gender"): Promise<CrossTab> {
  const column = field === "ageBand" ? consultationRecords.ageBand : consultationRecords.gender;
  const rows = await db
    .select({ group: sql<string | null>`${column}`, topic: sql<string>`t.topic`, n: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(consultationRecords, recordJoin)
    .innerJoin(sql`unnest(${consultationRecords.topics}) as t(topic)`, sql`true`)
    .where(receivedIn(range))
    .groupBy(sql`1`, sql`2`);
  const ids = (f: ChoiceField, found: (string | null)[]) => {
    const offered = choiceIds(definition, f);
    return [...offered, ...[...new Set(found.map((id) => id ?? NOT_ANSWERED))].filter((id) => !offered.includes(id))];
  };
  const label = (f: ChoiceField, id: string) => (id === NOT_ANSWERED ? ja.reports.labels.unrecorded : choiceLabel(definition, f, id));
  const topicIds = ids("topic", rows.map((row) => row.topic));
  const groupIds = ids(field, rows.map((row) => row.group));
  const counts = new Map(rows.map((row) => [`${row.group ?? NOT_ANSWERED}\u0000${row.topic}`, Number(row.n)]));
  return {
    columns: topicIds.map((id) => ({ id, label: label("topic", id) })),
    rows: groupIds.map((id) => ({ id, label: label(field, id), counts: topicIds.map((topic) => counts.get(`${id}\u0000${topic}`) ?? 0) })),
  };
}

/** The newest 友だち登録数 snapshot within the period, or null when none could be read. */
async function findFollowers(db: DbOrTx, range: DateRange): Promise<{ followers: number | null; followersDate: string | null }> {
  const [row] = await db
    .select()
    .from(lineFollowerSnapshots)
    .where(and(gte(lineFollowerSnapshots.date, range.from), lte(lineFollowerSnapshots.date, range.to)))
    .orderBy(desc(lineFollowerSnapshots.date))
    .limit(1);
  return { followers: row?.followers ?? null, followersDate: row?.date ?? null };
}

/**
 * The figures the monthly and annual reports add to the headline counts: staffed days and the daily
 * average, LINE friends, 相談時間 in bands, and topics by 年代 and by 性別.
 */
export async function countDetails(db: DbOrTx, range: DateRange, plans: readonly DayPlan[], consultationCount: number) {
  const { definition } = await loadCurrentForm(db, "record");
  const staffedDays = plans.filter((plan) => plan.timeframes.length > 0).length;
  const service: ServiceFigures = {
    staffedDays,
    dailyAverage: staffedDays === 0 ? null : Math.round((consultationCount / staffedDays) * 10) / 10,
    ...(await findFollowers(db, range)),
  };
  return {
    service,
    byDuration: await countDurationBands(db, range),
    ageByTopic: await crossTopics(db, range, definition, "ageBand"),
    genderByTopic: await crossTopics(db, range, definition, "gender"),
  };
}
