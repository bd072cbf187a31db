import type { Database } from "@/db/client";
import { CONSOLE_CHANNEL, consoleEventSchema, type ConsoleEvent } from "./events";

type Listener = (event: ConsoleEvent) => void;

interface Hub {
  listeners: Set<Listener>;
  /** The one LISTEN of this process, opened on the first subscriber and shared by every SSE stream. */
  started: Promise<() => Promise<void>> | null;
}

const registry = globalThis as unknown as { soudanConsoleHubs?: WeakMap<Database, Hub> };

function hubOf(database: Database): Hub {
  registry.soudanConsoleHubs ??= new WeakMap();
  let hub = registry.soudanConsoleHubs.get(database);
  if (!hub) {
    hub = { listeners: new Set(), started: null };
    registry.soudanConsoleHubs.set(database, hub);
  }
  return hub;
}

/**
 * Calls `listener` for every console event committed by any app instance sharing the database.
 * Malformed payloads are dropped (a payload is only ever ids, and never trusted further than that).
 * Resolves once listening, to the function that unsubscribes.
 */
export async function subscribeConsoleEvents(database: Database, listener: Listener): Promise<() => void> {
  const hub = hubOf(database);
  hub.listeners.add(listener);
  hub.started ??= database.listen(CONSOLE_CHANNEL, (payload) => {
    let event: ConsoleEvent;
    try {
      event = consoleEventSchema.parse(JSON.parse(payload));
    } catch {
      return;
    }
    for (const each of hub.listeners) each(event);
  });
  try {
    await hub.started;
  } catch (error) {
    hub.started = null;
    hub.listeners.delete(listener);
    throw error;
  }
  return () => {
    hub.listeners.delete(listener);
  };
}
