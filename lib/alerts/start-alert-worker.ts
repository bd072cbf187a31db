import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { deliverNextAlert, type AlertDeliveryDeps } from "./delivery/deliver-next-alert";
import { dispatchDueAlerts, type AlertDispatchSettings } from "./dispatch-due-alerts";

/** Often enough that an alert leaves within seconds of the message; the queries are cheap. */
const IDLE_MS = 3_000;

/**
 * One loop per process: queue what is due (first sendings and re-sends), then send what is owed.
 * Several processes may run it: rows are taken with FOR UPDATE SKIP LOCKED.
 */
export function startAlertWorker(db: Db, deps: AlertDeliveryDeps & { settings: AlertDispatchSettings }): WorkerLoop {
  return startWorkerLoop(
    "alerts",
    async () => {
      const dispatched = await dispatchDueAlerts(db, { at: deps.now(), ...deps.settings });
      const delivered = await deliverNextAlert(db, deps);
      return dispatched > 0 || delivered;
    },
    IDLE_MS,
  );
}
