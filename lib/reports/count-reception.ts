import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, consultationTimings, consultations, receptionEvents } from "@/db/schema";
import type { Session } from "@/lib/schedule";
import type { DateRange } from "@/lib/calendar";
import type { ReceptionRow } from "./schemas";
import { arrivedInHours, countWhere, inSessions, jstDate, receivedIn, timingsJoin } from "./sql";

export type ReceptionCounts = Omit<ReceptionRow, "key" | "label" | "staffedDays">;

export const emptyReception = (): ReceptionCounts => ({
  messages: 0,
  messagesInHours: 0,
  messagesOutOfHours: 0,
  refused: 0,
  consultations: 0,
  consultationsOutOfHours: 0,
  youths: 0,
  follows: 0,
  unblocks: 0,
  blocks: 0,
});

/**
 * Every contact received per JST day of `range` (R4: messages arrive 24 hours a day): youth
 * messages in and out of staffed hours, refused media, new consultations, distinct youth writing,
 * and friends added, unblocked and blocked. Counts only.
 */
export async function countReceptionByDay(db: DbOrTx, range: DateRange, sessions: readonly Session[]): Promise<{ days: Map<string, ReceptionCounts>; youths: number }> {
  const days = new Map<string, ReceptionCounts>();
  const day = (date: string) => days.get(date) ?? days.set(date, emptyReception()).get(date)!;
  const inHours = inSessions(consultationMessages.sentAt, sessions);
  const date = jstDate(consultationMessages.sentAt);
  let youths = 0;
  // Grouping sets: each day's counts and, in the row without a date, the distinct youth over the whole range, in one scan.
  const messages = await db
    .select({
      date: sql<string | null>`${date}`,
      n: sql<number>`count(*)::int`,
      inHours: countWhere(inHours),
      refused: countWhere(sql`${consultationMessages.kind} in ('media_refused', 'location_refused')`),
      youths: sql<number>`count(distinct ${consultations.youthId})::int`,
    })
    .from(consultationMessages)
    .innerJoin(consultations, eq(consultations.id, consultationMessages.consultationId))
    .where(and(eq(consultationMessages.sender, "youth"), gte(consultationMessages.sentAt, range.start), lt(consultationMessages.sentAt, range.end)))
    .groupBy(sql`grouping sets ((${date}), ())`);
  for (const row of messages) {
    if (row.date === null) {
      youths = Number(row.youths);
      continue;
    }
    Object.assign(day(row.date), { messages: Number(row.n), messagesInHours: Number(row.inHours), messagesOutOfHours: Number(row.n) - Number(row.inHours), refused: Number(row.refused), youths: Number(row.youths) });
  }
  const opened = await db
    .select({ date: jstDate(consultations.openedAt), n: sql<number>`count(*)::int`, outOfHours: countWhere(sql`not ${arrivedInHours(sessions)}`) })
    .from(consultations)
    .leftJoin(consultationTimings, timingsJoin)
    .where(receivedIn(range))
    .groupBy(sql`1`);
  for (const row of opened) Object.assign(day(row.date), { consultations: Number(row.n), consultationsOutOfHours: Number(row.outOfHours) });
  const events = await db
    .select({ date: jstDate(receptionEvents.at), kind: receptionEvents.kind, n: sql<number>`count(*)::int` })
    .from(receptionEvents)
    .where(and(gte(receptionEvents.at, range.start), lt(receptionEvents.at, range.end)))
    .groupBy(sql`1`, receptionEvents.kind);
  const field = { follow: "follows", unblock: "unblocks", unfollow: "blocks" } as const;
  for (const row of events) day(row.date)[field[row.kind]] = Number(row.n);
  return { days, youths };
}

/** Distinct youth who wrote in `range`: not the sum of the days' or months', since one youth writes on many. */
export async function countYouthsWriting(db: DbOrTx, range: DateRange): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${consultations.youthId})::int` })
    .from(consultationMessages)
    .innerJoin(consultations, eq(consultations.id, consultationMessages.consultationId))
    .where(and(eq(consultationMessages.sender, "youth"), gte(consultationMessages.sentAt, range.start), lt(consultationMessages.sentAt, range.end)));
  return Number(row?.n ?? 0);
}

/** Adds rows up; `youths` is left for the caller, who counts distinct youth over the whole span. */
export function sumReception(rows: readonly ReceptionCounts[]): ReceptionCounts {
  const total = emptyReception();
  for (const row of rows) for (const key of Object.keys(total) as (keyof ReceptionCounts)[]) total[key] += row[key];
  return total;
}
