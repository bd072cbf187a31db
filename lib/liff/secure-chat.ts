import { and, count, desc, eq, gt } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { consultationMessages, consultations, youths } from "@/db/schema";
import { checkQueueStatus, composeAutoReply, type QueueStatus } from "@/lib/autoreply";
import { encryptField, type Keyring } from "@/lib/crypto";
import { findOpenConsultation, listConsultationMessages, receiveYouthMessage } from "@/lib/consultations";
import { composeSafetyReply, storeSafetyReply } from "@/lib/safety";

/** A burst this size is a stuck key or a script, not a child typing: refused, never silently dropped. */
export const BURST_LIMIT = 10;
export const BURST_WINDOW_MS = 10_000;

export type SendResult = { ok: true; consultationId: string } | { ok: false; reason: "rate_limited" };

/**
 * A youth's message from the secure chat: stored in their consultation like any other, and the
 * automatic reply (queue place, hours) stored beside it as a system message the page shows. Nothing
 * goes to LINE: the content must never pass through it. The youth's row is locked so two tabs cannot
 * both slip under the burst limit; a refused message is answered as such and stays in the page's box.
 * A high-risk message gets the safety reply there instead of the automatic reply (once per consultation).
 */
export async function receiveSecureChatMessage(
  db: Db,
  input: { youthId: string; text: string; at: Date; pagingConfigured: boolean },
  keyring: Keyring,
): Promise<SendResult> {
  return db.transaction(async (tx) => {
    // NO KEY UPDATE: two tabs still queue here, but a counselor's reply, which holds the consultation and
    // then checks this row as a foreign key (KEY SHARE), does not conflict with it: no deadlock between them.
    await tx.select({ id: youths.id }).from(youths).where(eq(youths.id, input.youthId)).for("no key update");
    const since = new Date(input.at.getTime() - BURST_WINDOW_MS);
    const [recent] = await tx
      .select({ n: count() })
      .from(consultationMessages)
      .innerJoin(consultations, eq(consultations.id, consultationMessages.consultationId))
      .where(and(eq(consultations.youthId, input.youthId), eq(consultationMessages.sender, "youth"), eq(consultationMessages.via, "secure_chat"), gt(consultationMessages.sentAt, since)));
    if ((recent?.n ?? 0) >= BURST_LIMIT) return { ok: false as const, reason: "rate_limited" as const };
    const received = await receiveYouthMessage(tx, { youthId: input.youthId, via: "secure_chat", kind: "text", text: input.text, sentAt: input.at }, keyring);
    const safety = await composeSafetyReply(tx, { consultationId: received.consultationId, level: received.risk, at: input.at, pagingConfigured: input.pagingConfigured });
    if (safety) {
      await storeSafetyReply(tx, { consultationId: received.consultationId, via: "secure_chat", reply: safety, at: input.at }, keyring);
      return { ok: true as const, consultationId: received.consultationId };
    }
    const reply = await composeAutoReply(tx, received.consultationId, input.at);
    if (reply) {
      await tx.insert(consultationMessages).values({ consultationId: received.consultationId, sender: "system", kind: "text", bodyEnc: encryptField(keyring, reply), via: "secure_chat", sentAt: input.at });
    }
    return { ok: true as const, consultationId: received.consultationId };
  });
}

export interface ChatLine {
  id: string;
  sender: "youth" | "counselor" | "system";
  text: string;
  sentAt: string;
}

/**
 * How long an ended conversation stays on the youth's page (read-only, with 新しく相談する): long
 * enough to reread the counselor's last words right after the close or a reopen, short enough that a
 * shared or family phone picked up later in the day does not show someone else what was said.
 */
const ENDED_SHOWN_MS = 30 * 60_000;

export interface SecureChatView {
  consultationId: string | null;
  /** The conversation shown ended: no more messages go into it; the next one starts a new consultation. */
  ended: boolean;
  messages: ChatLine[];
  /** Where the youth stands: waiting (place, estimate), with a counselor, or no open consultation. */
  status: QueueStatus;
}

/**
 * What the youth's page shows: their open consultation's messages, text only, or the one that ended
 * within ENDED_SHOWN_MS (so a closed conversation does not vanish into a blank intake). Stickers and
 * refused media have no text and are left out; no counselor name, delivery state or internal note is included.
 */
export async function listSecureChatMessages(tx: DbOrTx, youthId: string, keyring: Keyring, at: Date): Promise<SecureChatView> {
  const status = await checkQueueStatus(tx, youthId, at);
  const open = await findOpenConsultation(tx, youthId);
  const [lastClosed] = open
    ? []
    : await tx
        .select({ id: consultations.id })
        .from(consultations)
        .where(and(eq(consultations.youthId, youthId), eq(consultations.status, "closed"), gt(consultations.closedAt, new Date(at.getTime() - ENDED_SHOWN_MS))))
        .orderBy(desc(consultations.closedAt))
        .limit(1);
  const shown = open?.id ?? lastClosed?.id ?? null;
  if (!shown) return { consultationId: null, ended: false, messages: [], status };
  const rows = await listConsultationMessages(tx, shown, keyring);
  const messages = rows.flatMap((row) => (row.text === null ? [] : [{ id: row.id, sender: row.sender, text: row.text, sentAt: row.sentAt.toISOString() }]));
  return { consultationId: shown, ended: !open, messages, status };
}

/** Whether a consultation is this youth's: the live event stream forwards only their own. */
export async function consultationBelongsToYouth(tx: DbOrTx, consultationId: string, youthId: string): Promise<boolean> {
  const [row] = await tx.select({ id: consultations.id }).from(consultations).where(and(eq(consultations.id, consultationId), eq(consultations.youthId, youthId)));
  return row !== undefined;
}
