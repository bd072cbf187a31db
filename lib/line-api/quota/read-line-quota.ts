import type { DbOrTx } from "@/db";
import { lineQuotaReadings } from "@/db/schema";
import type { LineApi, LineQuota } from "../api";

export type LineQuotaReading = LineQuota & { readAt: Date };

/** Asks LINE for the month's quota and usage and keeps the answer as the latest reading. */
export async function readLineQuota(tx: DbOrTx, deps: { api: LineApi; now: () => Date }): Promise<LineQuotaReading> {
  const quota = await deps.api.readQuota();
  const reading = { limit: quota.limit, used: quota.used, readAt: deps.now() };
  await tx
    .insert(lineQuotaReadings)
    .values({ id: "current", ...reading })
    .onConflictDoUpdate({ target: lineQuotaReadings.id, set: reading });
  return reading;
}
