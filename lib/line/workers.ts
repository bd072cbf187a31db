import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { wakeOutboxWorker } from "@/lib/line-api";
import type { HandlerDeps } from "./handlers";
import { processNextInboxEvent } from "./inbox/process-next-inbox-event";
import { runYieldingToInboxWrites } from "./inbox/store-inbox-rows";

const registry = globalThis as unknown as { soudanLineWorkers?: WorkerLoop[] };

/**
 * `loops` inbox loops per app process. Several loops and processes may run side by side: rows are
 * claimed with FOR UPDATE SKIP LOCKED, and a youth's next event only once the earlier one is settled,
 * so none is reordered. Each loop yields to webhook inserts (runYieldingToInboxWrites), pausing
 * `pauseFactor` times as long as it worked while webhooks come in. The outbox has its own loop in lib/line-api.
 */
export function startLineWorkers(db: Db, deps: HandlerDeps, { loops, pauseFactor }: { loops: number; pauseFactor: number }): WorkerLoop[] {
  registry.soudanLineWorkers ??= Array.from({ length: loops }, () =>
    startWorkerLoop("line inbox", () => runYieldingToInboxWrites(db, () => processNextInboxEvent(db, deps), pauseFactor)),
  );
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
