import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consultations, lineOutbox } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { enqueueLineCall } from "@/lib/line-api";
import { buildSecureChatButton } from "./build-secure-chat-button";
import { findChatPresence } from "@/lib/presence";

/**
 * After a notice, further replies stay quiet this long unless the youth has opened the chat since:
 * a counselor's three quick messages make one ping on the youth's phone, not three, and a youth who
 * read them and left is told about the next reply.
 */
export const REPLY_NOTICE_QUIET_MS = 10 * 60_000;

/**
 * Secure mode, after a counselor wrote: tells the youth through LINE that a reply is waiting, with a
 * button to the secure chat and not one word of the reply. Debounced per consultation (a youth has one
 * open at a time):
 *   - the youth has the chat open (on any instance): no notice, the reply arrives live;
 *   - an earlier notice is still queued or being sent: that one covers this reply too;
 *   - an earlier notice was queued less than REPLY_NOTICE_QUIET_MS ago and the youth has not had the
 *     chat open since: it covers this reply too;
 *   - otherwise a new notice is queued.
 * Returns the outbox row that announces the reply (so the console shows its state), or null when the
 * youth is watching. The caller holds the consultation's row lock, so concurrent replies decide one at a time.
 */
export async function queueReplyNotice(
  tx: Tx,
  input: { consultationId: string; youthId: string; at: Date; liffUrl: string | null },
  keyring: Keyring,
): Promise<string | null> {
  const [consultation] = await tx
    .select({ noticeId: consultations.replyNoticeOutboxId, noticeAt: consultations.replyNoticeAt })
    .from(consultations)
    .where(eq(consultations.id, input.consultationId));
  const presence = await findChatPresence(tx, input.youthId, input.at);
  if (presence.connected) return null;
  if (consultation?.noticeId && consultation.noticeAt) {
    const [earlier] = await tx.select({ status: lineOutbox.status }).from(lineOutbox).where(eq(lineOutbox.id, consultation.noticeId));
    const stillComing = earlier?.status === "pending" || earlier?.status === "sending";
    const recent = input.at.getTime() - consultation.noticeAt.getTime() < REPLY_NOTICE_QUIET_MS;
    const unseenSince = presence.lastSeenAt === null || presence.lastSeenAt < consultation.noticeAt;
    if (stillComing || (recent && unseenSince)) return consultation.noticeId;
  }
  const noticeId = await enqueueLineCall(
    tx,
    { youthId: input.youthId, kind: "push", payload: { messages: [buildSecureChatButton(ja.line.replyNotice, input.liffUrl)] } },
    keyring,
  );
  await tx.update(consultations).set({ replyNoticeOutboxId: noticeId, replyNoticeAt: input.at }).where(eq(consultations.id, input.consultationId));
  return noticeId;
}
