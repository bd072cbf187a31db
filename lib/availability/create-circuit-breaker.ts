import { DatabaseUnavailableError } from "./database-unavailable-error";
import { isConnectionFailure } from "./is-connection-failure";

export interface CircuitBreakerOptions {
  /** A cheap round trip (`select 1`); it must reject when the database cannot serve. */
  probe: () => Promise<unknown>;
  /** The longest a guarded piece of work may take before its caller gets an answer. */
  deadlineMs: number;
  /** While open, how often the background probe tries the database again. */
  probeEveryMs: number;
  /** Told when the breaker opens (true) and closes again (false): for one log line per outage. */
  onChange?: (open: boolean) => void;
}

export interface CircuitBreaker {
  /** Runs `work` while the database is believed up, giving up at the deadline; refuses at once while it is known down. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the database answers now, within the deadline; a failed check opens the breaker. */
  check(): Promise<boolean>;
  isOpen(): boolean;
  /** Stops the background probe (process shutdown, tests). */
  stop(): void;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError("deadline")), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * A database that is down makes the driver wait (connect timeouts, reconnect backoff) and requests
 * pile up. The breaker answers for it instead: once a round trip fails or runs past the deadline and a
 * probe confirms it, every guarded request is refused at once while a probe in the background waits
 * for the database to come back; the first probe that succeeds closes the breaker again.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  let open = false;
  let stopped = false;
  let probing: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const setOpen = (value: boolean) => {
    if (open === value) return;
    open = value;
    options.onChange?.(value);
  };

  const probeOnce = (): Promise<boolean> => {
    probing ??= withDeadline(Promise.resolve().then(options.probe), options.deadlineMs)
      .then(
        () => true,
        () => false,
      )
      .then((up) => {
        probing = null;
        setOpen(!up);
        if (!up) scheduleProbe();
        return up;
      });
    return probing;
  };

  const scheduleProbe = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void probeOnce();
    }, options.probeEveryMs);
    timer.unref();
  };

  return {
    async run(work) {
      if (open) throw new DatabaseUnavailableError("known_down");
      try {
        return await withDeadline(Promise.resolve().then(work), options.deadlineMs);
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) {
          // Slow is not yet down: a probe decides, and this caller has its answer already.
          void probeOnce();
          throw error;
        }
        if (isConnectionFailure(error)) {
          setOpen(true);
          scheduleProbe();
          throw new DatabaseUnavailableError("connection");
        }
        throw error;
      }
    },
    check: () => (open ? Promise.resolve(false) : probeOnce()),
    isOpen: () => open,
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
