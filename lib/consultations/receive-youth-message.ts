import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, consultations } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { findOpenConsultation, openConsultation, type Channel } from "./open-consultation";

export interface YouthMessage {
  youthId: string;
  via: Channel;
  kind: (typeof consultationMessages.$inferInsert)["kind"];
  text?: string;
  mediaType?: string;
  lineMessageId?: string;
  sentAt: Date;
}

/** Every youth message lands in their open consultation (24-hour reception), which it opens if there is none. */
export async function receiveYouthMessage(
  tx: DbOrTx,
  message: YouthMessage,
  keyring: Keyring,
): Promise<{ consultationId: string; messageId: string; opened: boolean }> {
  const existing = await findOpenConsultation(tx, message.youthId);
  const consultation = existing ?? (await openConsultation(tx, message.youthId, message.via, message.sentAt));
  const [row] = await tx
    .insert(consultationMessages)
    .values({
      consultationId: consultation.id,
      sender: "youth",
      kind: message.kind,
      bodyEnc: message.text === undefined ? null : encryptField(keyring, message.text),
      mediaType: message.mediaType ?? null,
      via: message.via,
      lineMessageId: message.lineMessageId ?? null,
      sentAt: message.sentAt,
    })
    .returning({ id: consultationMessages.id });
  if (!row) throw new Error("insert returned no row");
  await tx.update(consultations).set({ lastYouthMessageAt: message.sentAt }).where(eq(consultations.id, consultation.id));
  return { consultationId: consultation.id, messageId: row.id, opened: !existing };
}
