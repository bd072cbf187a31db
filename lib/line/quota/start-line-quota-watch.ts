import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import type { LineApi } from "@/lib/line-api";
import { checkLineQuota } from "./check-line-quota";

/** LINE updates the usage within minutes; reading it more often would tell nothing new. */
const EVERY_MS = 10 * 60_000;

/** Reads the quota at start and every ten minutes. Several instances may run it: the alerts are once a month whoever raises them. */
export function startLineQuotaWatch(db: Db, deps: { api: LineApi; now: () => Date }): WorkerLoop {
  return startWorkerLoop(
    "line quota",
    async () => {
      await checkLineQuota(db, deps);
      return false;
    },
    EVERY_MS,
  );
}
