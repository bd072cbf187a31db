import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { deliverNextOutboxItem, type DeliveryDeps } from "./outbox/deliver-next-outbox-item";

const registry = globalThis as unknown as { soudanOutboxWorker?: WorkerLoop };

/**
 * One outbox loop per app process (kept on globalThis so a hot reload does not start a second one).
 * Several processes may run it side by side: rows are claimed with a lease and FOR UPDATE SKIP LOCKED.
 */
export function startOutboxWorker(db: Db, deps: DeliveryDeps): WorkerLoop {
  registry.soudanOutboxWorker ??= startWorkerLoop("line outbox", () => deliverNextOutboxItem(db, deps));
  return registry.soudanOutboxWorker;
}

/** Called after something was queued, so it does not wait for the next tick. */
export function wakeOutboxWorker(): void {
  registry.soudanOutboxWorker?.wake();
}

export async function stopOutboxWorker(): Promise<void> {
  const loop = registry.soudanOutboxWorker;
  registry.soudanOutboxWorker = undefined;
  await loop?.stop();
}
