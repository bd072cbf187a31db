import { streamEvents } from "@/app/_server/event-stream";
import { requireYouthForApi } from "@/app/_server/youth-session";
import { getDatabase } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { consultationBelongsToYouth, resolveChatSession } from "@/lib/liff";
import { closeChatConnection, openChatConnection, renewChatConnection } from "@/lib/presence";
import { subscribeConsoleEvents, type ConsoleEvent } from "@/lib/realtime";

export const dynamic = "force-dynamic";

/** Events that can move a waiting youth's place in the queue. */
const QUEUE_CHANGES = new Set<ConsoleEvent["kind"]>(["queue", "assignment", "closed", "released", "risk"]);

/**
 * Server-Sent Events for the youth's secure chat: only changes to their own consultations, ids only.
 * The page refetches its messages through the session-checked route, so nothing is said here.
 * Changes to the queue (anyone's arrival, claim, close) come as a bare `queue` event, no id, so a
 * waiting youth's place and estimate stay current.
 * While the stream is open the youth counts as present (lib/presence): counselors' replies then earn
 * no LINE notice. Each heartbeat re-checks the session and renews the presence; the end clears it.
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
  const connectionId = await openChatConnection(database.db, youth.youthId, now());
  return streamEvents(request, {
    subscribe: async (send) => {
      const unsubscribe = await subscribeConsoleEvents(database, (event) => {
        void isMine(event).then((mine) => {
          if (mine) send("chat", { kind: event.kind, consultationId: event.consultationId });
          else if (QUEUE_CHANGES.has(event.kind)) send("queue", {});
        });
      });
      return () => {
        unsubscribe();
        void closeChatConnection(database.db, connectionId, now()).catch(() => {});
      };
    },
    stillAllowed: async () => {
      if (!(await resolveChatSession(database.db, youth.token, now()))) return false;
      await renewChatConnection(database.db, connectionId, now());
      return true;
    },
  });
}
