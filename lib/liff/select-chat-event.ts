import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { isWaiting } from "@/lib/consultations";
import type { ConsoleEvent } from "@/lib/realtime";
import { consultationBelongsToYouth } from "./secure-chat";

/** What one youth's secure-chat stream sends for a console event: ids only, or nothing. */
export type ChatStreamEvent = { name: "chat"; data: { kind: ConsoleEvent["kind"]; consultationId: string } } | { name: "queue"; data: object };

const QUEUE_EVENT: ChatStreamEvent = { name: "queue", data: {} };

/** Events that can move a waiting youth's place in the queue. */
const QUEUE_CHANGES = new Set<ConsoleEvent["kind"]>(["queue", "assignment", "closed", "released", "risk"]);

async function hasWaitingConsultation(tx: DbOrTx, youthId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.youthId, youthId), isWaiting()))
    .limit(1);
  return Boolean(row);
}

/**
 * Decides, for one open secure-chat stream, which console events its youth hears: changes to their own
 * consultations as `chat`, and others' queue changes as a bare `queue` only while the youth is waiting
 * (only a waiting youth's place and estimate can move). Every `queue` makes the page refetch its
 * messages and queue status, so sending it to every youth talking with a counselor would cost a round
 * of queries per open chat for every claim or close anywhere. Whether the youth waits is asked once and
 * again only after an event of their own (their claim, close, release, or a new consultation), so a
 * stranger's event costs no query. Whose a consultation is is asked once per id for the stream.
 */
export function selectChatEvent(tx: DbOrTx, youthId: string): (event: ConsoleEvent) => Promise<ChatStreamEvent | null> {
  const owned = new Map<string, Promise<boolean>>();
  const isMine = (id: string) => {
    let answer = owned.get(id);
    if (!answer) {
      answer = consultationBelongsToYouth(tx, id, youthId).catch(() => false);
      owned.set(id, answer);
    }
    return answer;
  };
  // On a failed query the youth counts as waiting: an extra refetch is better than a frozen place.
  const askWaiting = () => hasWaitingConsultation(tx, youthId).catch(() => true);
  let waiting = askWaiting();
  return async (event) => {
    const id = event.consultationId;
    if (id && (await isMine(id))) {
      waiting = askWaiting();
      return { name: "chat", data: { kind: event.kind, consultationId: id } };
    }
    if (QUEUE_CHANGES.has(event.kind) && (await waiting)) return QUEUE_EVENT;
    return null;
  };
}
