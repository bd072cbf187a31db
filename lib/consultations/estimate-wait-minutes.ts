import { and, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationTimings } from "@/db/schema";

/** With no recorded waits yet (a new service), each place in the queue counts this long. */
export const DEFAULT_MINUTES_PER_POSITION = 15;
/** Eight weeks of the same weekday and hour: recent enough to follow the staffing, long enough to have a few. */
const LOOKBACK_MS = 56 * 24 * 60 * 60_000;
/** Fewer recorded waits than this in the slot are too few to trust: the whole lookback is used instead. */
const MIN_SAMPLES = 3;

/**
 * How long a youth at `position` will probably wait, in minutes, rounded up to 5 (at least 5). Each
 * place in the queue counts the median wait recorded (R17 timings) for youth who wrote in staffed
 * hours on the same weekday and hour (Tokyo time) over the last eight weeks; falling back to all
 * staffed hours of those weeks, then to DEFAULT_MINUTES_PER_POSITION.
 */
export async function estimateWaitMinutes(tx: DbOrTx, input: { position: number; at: Date }): Promise<number> {
  const local = sql`(${consultationTimings.receivedAt} at time zone 'Asia/Tokyo')`;
  const atLocal = sql`(${input.at.toISOString()}::timestamptz at time zone 'Asia/Tokyo')`;
  const sameSlot = sql`extract(dow from ${local}) = extract(dow from ${atLocal}) and extract(hour from ${local}) = extract(hour from ${atLocal})`;
  const [row] = await tx
    .select({
      slotMedian: sql<string | null>`percentile_cont(0.5) within group (order by ${consultationTimings.waitingSeconds}) filter (where ${sameSlot})`,
      slotCount: sql<number>`(count(*) filter (where ${sameSlot}))::int`,
      allMedian: sql<string | null>`percentile_cont(0.5) within group (order by ${consultationTimings.waitingSeconds})`,
      allCount: sql<number>`count(*)::int`,
    })
    .from(consultationTimings)
    .where(
      and(
        sql`${consultationTimings.arrivedInStaffedHours}`,
        isNotNull(consultationTimings.waitingSeconds),
        gte(consultationTimings.receivedAt, new Date(input.at.getTime() - LOOKBACK_MS)),
        lt(consultationTimings.receivedAt, input.at),
      ),
    );
  const seconds =
    row && Number(row.slotCount) >= MIN_SAMPLES && row.slotMedian !== null
      ? Number(row.slotMedian)
      : row && Number(row.allCount) >= MIN_SAMPLES && row.allMedian !== null
        ? Number(row.allMedian)
        : DEFAULT_MINUTES_PER_POSITION * 60;
  const minutes = (Math.max(1, input.position) * seconds) / 60;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}
