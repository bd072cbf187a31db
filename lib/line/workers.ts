import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { wakeOutboxWorker } from "@/lib/line-api";
import type { HandlerDeps } from "./handlers";
import { processNextInboxEvent } from "./inbox/process-next-inbox-event";
import { waitForInboxWrites } from "./inbox/store-inbox-rows";

/**
 * How long the inbox worker lets webhook inserts go first before it takes its next event anyway: an
 * acknowledgement waits for at most the one event being handled, and a steady stream of webhooks
 * still leaves the worker a share.
 */
const YIELD_MS = 50;

const registry = globalThis as unknown as { soudanLineWorkers?: WorkerLoop[] };

/**
 * `loops` inbox loops per app process. Several loops and processes may run side by side: rows are
 * claimed with FOR UPDATE SKIP LOCKED, and a youth's next event only once the earlier one is settled,
 * so none is reordered. Before each event a loop yields to webhook inserts in flight
 * (waitForInboxWrites). The outbox has its own loop in lib/line-api.
 */
export function startLineWorkers(db: Db, deps: HandlerDeps, loops = 1): WorkerLoop[] {
  registry.soudanLineWorkers ??= Array.from({ length: loops }, () =>
    startWorkerLoop("line inbox", async () => {
      await waitForInboxWrites(db, YIELD_MS);
      return processNextInboxEvent(db, deps);
    }),
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
