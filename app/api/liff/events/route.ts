import { streamEvents } from "@/app/_server/event-stream";
import { requireYouthForApi } from "@/app/_server/youth-session";
import { getDatabase } from "@/db";
import { consultationBelongsToYouth } from "@/lib/liff";
import { subscribeConsoleEvents, type ConsoleEvent } from "@/lib/realtime";

export const dynamic = "force-dynamic";

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
  return streamEvents(request, {
    subscribe: (send) =>
      subscribeConsoleEvents(database, (event) => {
        void isMine(event).then((mine) => {
          if (mine) send("chat", { kind: event.kind, consultationId: event.consultationId });
        });
      }),
  });
}
