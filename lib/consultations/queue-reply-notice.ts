import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { lineOutbox, youths } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { buildSecureChatButton } from "@/lib/line/build-secure-chat-button";
import { enqueueLineCall } from "@/lib/line/outbox/enqueue";
import { findChatPresence } from "@/lib/presence";

/**
 * After a notice, further replies stay quiet this long unless the youth has opened the chat since:
 * a counselor's three quick messages make one ping on the youth's phone, not three, and a youth who
 * read them and left is told about the next reply.
 */
export const REPLY_NOTICE_QUIET_MS = 10 * 60_000;

/**
 * Secure mode, after a counselor wrote: tells the youth through LINE that a reply is waiting, with a
 * button to the secure chat and not one word of the reply. Debounced per youth:
 *   - the youth has the chat open (on any instance): no notice, the reply arrives live;
 *   - an earlier notice is still queued or being sent: that one covers this reply too;
 *   - an earlier notice was queued less than REPLY_NOTICE_QUIET_MS ago and the youth has not had the
 *     chat open since: it covers this reply too;
 *   - otherwise a new notice is queued.
 * Returns the outbox row that announces the reply (so the console shows its state), or null when the
 * youth is watching. The youth's row is locked, so concurrent replies decide one at a time.
 */
export async function queueReplyNotice(tx: Tx, input: { youthId: string; at: Date; liffUrl: string | null }, keyring: Keyring): Promise<string | null> {
  const [youth] = await tx
    .select({ noticeId: youths.replyNoticeOutboxId, noticeAt: youths.replyNoticeAt })
    .from(youths)
    .where(eq(youths.id, input.youthId))
    .for("update");
  const presence = await findChatPresence(tx, input.youthId, input.at);
  if (presence.connected) return null;
  if (youth?.noticeId && youth.noticeAt) {
    const [earlier] = await tx.select({ status: lineOutbox.status }).from(lineOutbox).where(eq(lineOutbox.id, youth.noticeId));
    const stillComing = earlier?.status === "pending" || earlier?.status === "sending";
    const recent = input.at.getTime() - youth.noticeAt.getTime() < REPLY_NOTICE_QUIET_MS;
    const unseenSince = presence.lastSeenAt === null || presence.lastSeenAt < youth.noticeAt;
    if (stillComing || (recent && unseenSince)) return youth.noticeId;
  }
  const noticeId = await enqueueLineCall(
    tx,
    { youthId: input.youthId, kind: "push", payload: { messages: [buildSecureChatButton(ja.line.replyNotice, input.liffUrl)] } },
    keyring,
  );
  await tx.update(youths).set({ replyNoticeOutboxId: noticeId, replyNoticeAt: input.at }).where(eq(youths.id, input.youthId));
  return noticeId;
}
