import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { wakeOutboxWorker } from "@/lib/line-api";
import type { HandlerDeps } from "./handlers";
import { processNextInboxEvent } from "./inbox/process-next-inbox-event";

const registry = globalThis as unknown as { soudanLineWorkers?: WorkerLoop[] };

/**
 * One inbox loop per app process. Several processes may run it side by side: rows are claimed with
 * FOR UPDATE SKIP LOCKED. The outbox has its own loop in lib/line-api.
 */
export function startLineWorkers(db: Db, deps: HandlerDeps): WorkerLoop[] {
  registry.soudanLineWorkers ??= [startWorkerLoop("line inbox", () => processNextInboxEvent(db, deps))];
  return registry.soudanLineWorkers;
}

/** Called after a webhook commit and after queueing a message, so nothing waits for the next tick. */
export function wakeLineWorkers(): void {
  for (const loop of registry.soudanLineWorkers ?? []) loop.wake();
  wakeOutboxWorker();
}

export async function stopLineWorkers(): Promise<void> {
  const loops = registry.soudanLineWorkers ?? [];
  registry.soudanLineWorkers = undefined;
  await Promise.all(loops.map((l) => l.stop()));
}
