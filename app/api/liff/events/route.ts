import { streamEvents } from "@/app/_server/event-stream";
import { requireYouthForApi } from "@/app/_server/youth-session";
import { getDatabase } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { resolveChatSession, selectChatEvent } from "@/lib/liff";
import { closeChatConnection, openChatConnection, renewChatConnection } from "@/lib/presence";
import { subscribeConsoleEvents } from "@/lib/realtime";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the youth's secure chat: only changes to their own consultations, ids only.
 * The page refetches its messages through the session-checked route, so nothing is said here.
 * While the youth waits, changes to the queue (anyone's arrival, claim, close) come as a bare `queue`
 * event, no id, so their place and estimate stay current (lib/liff selectChatEvent decides).
 * While the stream is open the youth counts as present (lib/presence): counselors' replies then earn
 * no LINE notice. Each heartbeat re-checks the session and renews the presence; the end clears it.
 */
export async function GET(request: Request): Promise<Response> {
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const database = await getDatabase();
  const select = selectChatEvent(database.db, youth.youthId);
  const connectionId = await openChatConnection(database.db, youth.youthId, now());
  return streamEvents(request, {
    subscribe: async (send) => {
      const unsubscribe = await subscribeConsoleEvents(database, (event) => {
        void select(event).then((out) => {
          if (out) send(out.name, out.data);
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
