import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { purgeExpiredData } from "./purge-expired-data";
import type { RetentionSettings } from "./settings";

/** Often enough that nothing outlives its period by much; each pass is one indexed scan when nothing is due. */
const RETENTION_INTERVAL_MS = 60 * 60_000;

/** The scheduled purge, in every worker process: purges serialise on a lock, so several instances are safe. */
export function startRetentionJob(db: Db, { now, settings }: { now: () => Date; settings: RetentionSettings }): WorkerLoop {
  return startWorkerLoop(
    "retention",
    async () => {
      const { counts } = await purgeExpiredData(db, { at: now(), settings, trigger: "schedule" });
      const erased = Object.entries(counts).filter(([, n]) => n > 0);
      if (erased.length > 0) console.info(`[soudan] retention: purged ${erased.map(([k, n]) => `${k}=${n}`).join(" ")}`);
      return false;
    },
    RETENTION_INTERVAL_MS,
  );
}
