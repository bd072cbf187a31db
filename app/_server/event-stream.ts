/** Proxies and load balancers drop a silent connection; a comment line every so often keeps it open. */
const HEARTBEAT_MS = 20_000;

export type SendEvent = (event: string, data: unknown) => void;

/**
 * A Server-Sent Events response. `subscribe` starts sending and returns its unsubscribe; `stillAllowed`
 * is asked at every heartbeat, and a false answer ends the stream (a session that ended meanwhile).
 */
export function streamEvents(
  request: Request,
  options: { subscribe: (send: SendEvent) => Promise<() => void>; stillAllowed?: () => Promise<boolean> },
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const unsubscribe = await options.subscribe((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      const heartbeat = setInterval(() => {
        void (options.stillAllowed?.() ?? Promise.resolve(true)).then((allowed) => (allowed ? write(": keep-alive\n\n") : end()), end);
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", end);
      // Tells the browser it is connected (it refetches once, in case it missed events while reconnecting).
      write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
