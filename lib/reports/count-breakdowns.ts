import { eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords, consultationTimings, consultations, supportAgencies } from "@/db/schema";
import { weekdayOf, type DateRange } from "@/lib/calendar";
import { findNationalHoliday } from "@/lib/schedule";
import { loadCurrentForm, type RecordDefinition } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";
import { countEmergenciesByContact } from "./count-emergencies-by-contact";
import { choiceIds, choiceLabel, type ChoiceField } from "./labels";
import type { CountRow } from "./schemas";
import { jstDate, jstHour, receivedIn, recordJoin, timingsJoin } from "./sql";

const UNRECORDED = "unrecorded";
const labels = ja.reports.labels;

type Counted = { key: string | number | null; n: number };

/**
 * Several counts of the same consultations in one scan: GROUPING SETS groups by each key on its own,
 * and grouping(key) = 0 tells which key a result row belongs to.
 */
async function countByEach<K extends string>(db: DbOrTx, range: DateRange, keys: Record<K, SQL>): Promise<Record<K, Counted[]>> {
  const names = Object.keys(keys) as K[];
  const rows = await db
    .select({
      ...Object.fromEntries(names.flatMap((name) => [[name, sql`${keys[name]}`], [`g_${name}`, sql<number>`grouping(${keys[name]})::int`]])),
      n: sql<number>`count(*)::int`,
    })
    .from(consultations)
    .leftJoin(consultationTimings, timingsJoin)
    .leftJoin(consultationRecords, recordJoin)
    .where(receivedIn(range))
    .groupBy(sql`grouping sets (${sql.join(names.map((name) => sql`(${keys[name]})`), sql`, `)})`);
  const result = Object.fromEntries(names.map((name) => [name, [] as Counted[]])) as Record<K, Counted[]>;
  for (const row of rows as Record<string, unknown>[]) {
    const name = names.find((key) => Number(row[`g_${key}`]) === 0);
    if (name) result[name].push({ key: row[name] as string | number | null, n: Number(row.n) });
  }
  return result;
}

/** Every choice of the form in its order (zeros included), then 記録なし, then any id the form no longer offers. */
function choiceRows(definition: RecordDefinition, field: ChoiceField, counted: Counted[]): CountRow[] {
  const counts = new Map(counted.map((c) => [String(c.key ?? UNRECORDED), Number(c.n)]));
  const offered = choiceIds(definition, field);
  const ids = [...offered, UNRECORDED, ...[...counts.keys()].filter((id) => id !== UNRECORDED && !offered.includes(id))];
  return ids.map((id) => ({ id, label: id === UNRECORDED ? labels.unrecorded : choiceLabel(definition, field, id), count: counts.get(id) ?? 0 }));
}

function fixedRows(entries: readonly (readonly [string, string])[], counted: Counted[]): CountRow[] {
  const counts = new Map(counted.map((c) => [String(c.key), Number(c.n)]));
  return entries.map(([id, label]) => ({ id, label, count: counts.get(id) ?? 0 }));
}

const WEEKDAY_IDS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The category counts shared by the monthly and annual reports, over consultations received in `range`. */
export async function countBreakdowns(db: DbOrTx, range: DateRange) {
  const { definition } = await loadCurrentForm(db, "record");
  const { ageBand, gender, outcome, closeReason, channel, hour, day } = await countByEach(db, range, {
    ageBand: sql`${consultationRecords.ageBand}`,
    gender: sql`${consultationRecords.gender}`,
    outcome: sql`${consultationRecords.outcome}::text`,
    closeReason: sql`coalesce(${consultations.closeReason}::text, 'open')`,
    channel: sql`${consultations.channel}::text`,
    hour: jstHour(consultations.openedAt),
    day: jstDate(consultations.openedAt),
  });
  // Topics are an array per record: unnest, then add the consultations with no record.
  const topicRows = await db
    .select({ key: sql<string>`t.topic`, n: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(consultationRecords, recordJoin)
    .innerJoin(sql`unnest(${consultationRecords.topics}) as t(topic)`, sql`true`)
    .where(receivedIn(range))
    .groupBy(sql`1`);
  const unrecorded = ageBand.find((row) => row.key === null)?.n ?? 0;
  const agencies = await db
    .select({ id: supportAgencies.id, name: supportAgencies.name, isExample: supportAgencies.isExample, n: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(consultationRecords, recordJoin)
    .innerJoin(supportAgencies, eq(supportAgencies.id, consultationRecords.referralAgencyId))
    .where(sql`${receivedIn(range)} and ${isNotNull(consultationRecords.referralAgencyId)}`)
    .groupBy(supportAgencies.id, supportAgencies.name, supportAgencies.isExample)
    .orderBy(sql`3 desc`, supportAgencies.name);

  const weekdays = new Map<string, number>();
  for (const row of day) {
    const date = String(row.key);
    const id = findNationalHoliday(date) ? "holiday" : WEEKDAY_IDS[weekdayOf(date)]!;
    weekdays.set(id, (weekdays.get(id) ?? 0) + Number(row.n));
  }

  return {
    byAgeBand: choiceRows(definition, "ageBand", ageBand),
    byGender: choiceRows(definition, "gender", gender),
    byTopic: choiceRows(definition, "topic", [...topicRows, ...(unrecorded ? [{ key: null, n: unrecorded }] : [])]),
    byOutcome: choiceRows(definition, "outcome", outcome),
    byCloseReason: fixedRows(Object.entries(labels.closeReasons), closeReason),
    byChannel: fixedRows(Object.entries(ja.console.channel), channel),
    byTimeBand: fixedRows(Array.from({ length: 24 }, (_, h) => [String(h), ja.reports.periods.hourBand(h)] as const), hour),
    byWeekday: [...WEEKDAY_IDS, "holiday" as const].map((id) => ({ id, label: labels.weekdays[id], count: weekdays.get(id) ?? 0 })),
    // A seeded example no admin confirmed is not printed by name (records made before examples were refused may name one).
    referralsByAgency: agencies.map((row) => ({ id: row.id, label: row.isExample ? ja.reportAttributes.unconfirmedAgency : row.name, count: Number(row.n) })),
    emergenciesByContact: await countEmergenciesByContact(db, range),
  };
}
