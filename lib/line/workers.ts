import type { Db } from "@/db";
import { startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import type { LineApi } from "./api";
import type { HandlerDeps } from "./handlers";
import { processNextInboxEvent } from "./inbox/process-next-inbox-event";
import { deliverNextOutboxItem } from "./outbox/deliver-next-outbox-item";

const registry = globalThis as unknown as { soudanLineWorkers?: WorkerLoop[] };

/**
 * One inbox loop and one outbox loop per app process. Several processes may run them side by side:
 * rows are claimed with FOR UPDATE SKIP LOCKED.
 */
export function startLineWorkers(db: Db, deps: HandlerDeps & { api: LineApi | null }): WorkerLoop[] {
  if (registry.soudanLineWorkers) return registry.soudanLineWorkers;
  const outbox = deps.api;
  const loops = [startWorkerLoop("line inbox", () => processNextInboxEvent(db, deps))];
  if (outbox) {
    loops.push(startWorkerLoop("line outbox", () => deliverNextOutboxItem(db, { api: outbox, keyring: deps.keyring, now: deps.now })));
  }
  registry.soudanLineWorkers = loops;
  return loops;
}

/** Called after a webhook commit and after queueing a message, so nothing waits for the next tick. */
export function wakeLineWorkers(): void {
  for (const loop of registry.soudanLineWorkers ?? []) loop.wake();
}

export async function stopLineWorkers(): Promise<void> {
  const loops = registry.soudanLineWorkers ?? [];
  registry.soudanLineWorkers = undefined;
  await Promise.all(loops.map((l) => l.stop()));
}
