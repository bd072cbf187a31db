import { requireYouthForApi } from "@/app/_server/youth-session";
import { getDatabase } from "@/db";
import { consultationBelongsToYouth } from "@/lib/liff";
import { subscribeConsoleEvents, type ConsoleEvent } from "@/lib/realtime";

export const dynamic = "force-dynamic";

/** Proxies and load balancers drop a silent connection; a comment line every so often keeps it open. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events for the youth's secure chat: only changes to their own consultations, ids only.
 * The page refetches its messages through the session-checked route, so nothing is said here.
 */
export async function GET(request: Request): Promise<Response> {
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const database = await getDatabase();
  // Every event names a consultation; whose it is is asked once per id and remembered for the stream.
  const owned = new Map<string, Promise<boolean>>();
  const isMine = (event: ConsoleEvent) => {
    const id = event.consultationId;
    if (!id) return Promise.resolve(false);
    let answer = owned.get(id);
    if (!answer) {
      answer = consultationBelongsToYouth(database.db, id, youth.youthId).catch(() => false);
      owned.set(id, answer);
    }
    return answer;
  };
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
      const unsubscribe = await subscribeConsoleEvents(database, (event) => {
        void isMine(event).then((mine) => {
          if (mine) send(`event: chat\ndata: ${JSON.stringify({ kind: event.kind, consultationId: event.consultationId })}\n\n`);
        });
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
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
