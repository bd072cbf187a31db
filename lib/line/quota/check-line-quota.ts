import type { Db } from "@/db";
import { raiseOperationalAlert, type OperationalAlertKind } from "@/lib/alerts";
import { readLineQuota, type LineApi, type LineQuotaReading } from "@/lib/line-api";

/** Shares of the month's target at which the on-call list is told. */
const THRESHOLDS: readonly { share: number; kind: OperationalAlertKind }[] = [
  { share: 0.8, kind: "line_quota_80" },
  { share: 0.95, kind: "line_quota_95" },
];

/**
 * Reads LINE's quota and usage, keeps the reading, and raises the 80 % and 95 % alerts (each once a
 * month): in secure mode every reply notice is a paid push, and once the quota is spent youth stop
 * hearing that a reply exists.
 */
export async function checkLineQuota(db: Db, deps: { api: LineApi; now: () => Date }): Promise<LineQuotaReading> {
  return db.transaction(async (tx) => {
    const reading = await readLineQuota(tx, deps);
    if (reading.limit === null || reading.limit <= 0) return reading;
    for (const { share, kind } of THRESHOLDS) {
      if (reading.used >= reading.limit * share) await raiseOperationalAlert(tx, { kind, at: reading.readAt });
    }
    return reading;
  });
}
