import { describeError } from "./describe-error";

export interface WorkerLoop {
  /** Runs a pass soon: the webhook calls it after a commit so events do not wait for the next tick. */
  wake(): void;
  stop(): Promise<void>;
}

const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `pass` repeatedly: again at once while it reports work done, otherwise after `idleMs` or a wake.
 * Errors are logged and the loop goes on; the rows themselves record what failed.
 */
export function startWorkerLoop(name: string, pass: () => Promise<boolean>, idleMs = 1000): WorkerLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const done = (async () => {
    while (!stopped) {
      let didWork = false;
      // PGlite answers queries on this thread within microtasks: a loop that keeps finding work would
      // otherwise go from pass to pass without the server ever reading a request (webhooks went unanswered for seconds).
      await turnOfTheEventLoop();
      try {
        didWork = await pass();
      } catch (error) {
        console.error(`[soudan] ${name} pass failed: ${describeError(error)}`);
      }
      if (didWork || stopped) continue;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, idleMs);
      });
      clearTimeout(timer);
      wakeUp = undefined;
    }
  })();
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await done;
    },
  };
}
