import { streamEvents } from "@/app/_server/event-stream";
import { requireStaffForApi } from "@/app/_server/guard";
import { getDatabase } from "@/app/_server/database";
import { isStaffSessionLive } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { subscribeConsoleEvents } from "@/lib/realtime";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the console: every queue or consultation change committed by any app
 * instance (PostgreSQL LISTEN/NOTIFY). Events carry ids only; the browser refetches through guarded
 * routes, so what it may read is decided there, not here. Each heartbeat re-checks the session, so a
 * deactivated or signed-out person's tab stops here (R9).
 */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffForApi("console.use");
  if (staff instanceof Response) return staff;
  const database = await getDatabase();
  return streamEvents(request, {
    subscribe: (send) => subscribeConsoleEvents(database, (event) => send("console", event)),
    stillAllowed: () => isStaffSessionLive(database.db, staff.sessionId, getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES),
  });
}
