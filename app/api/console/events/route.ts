import { requireStaffForApi } from "@/app/_server/guard";
import { getDatabase } from "@/db";
import { isStaffSessionLive } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { subscribeConsoleEvents } from "@/lib/realtime";

export const dynamic = "force-dynamic";

/** Proxies and load balancers drop a silent connection; a comment line every so often keeps it open. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events for the console: every queue or consultation change committed by any app
 * instance (PostgreSQL LISTEN/NOTIFY). Events carry ids only; the browser refetches through guarded
 * routes, so what it may read is decided there, not here.
 */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffForApi("console.use");
  if (staff instanceof Response) return staff;
  const database = await getDatabase();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeConsoleEvents(database, (event) => send(`event: console\ndata: ${JSON.stringify(event)}\n\n`));
      // Each beat also re-checks the session, so a deactivated or signed-out person's tab stops here (R9).
      const heartbeat = setInterval(() => {
        void isStaffSessionLive(database.db, staff.sessionId, getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES).then((live) => {
          if (!live) {
            cleanup();
            try {
              controller.close();
            } catch {
              // the client already went away
            }
            return;
          }
          send(": keep-alive\n\n");
        }, cleanup);
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      });
      // Tells the browser it is connected (it refetches once, in case it missed events while reconnecting).
      send(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
