import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, consultations } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { publishConsoleEvent } from "@/lib/realtime";
import type { RiskLevel } from "@/lib/risk";
import { assessYouthText } from "./assess-youth-text";
import { findOpenConsultation, openConsultation, type Channel } from "./open-consultation";

export interface YouthMessage {
  youthId: string;
  via: Channel;
  kind: (typeof consultationMessages.$inferInsert)["kind"];
  text?: string;
  /** A LINE sticker's meaning (up to 15 words LINE sends with it): assessed, never stored. */
  stickerKeywords?: string[];
  mediaType?: string;
  lineMessageId?: string;
  sentAt: Date;
}

function riskInput(message: YouthMessage) {
  if (message.text !== undefined) return { source: message.via === "line" ? ("line_text" as const) : ("secure_chat" as const), text: message.text };
  // Joined with a character normalisation keeps, so two keywords never run together into a risk word.
  if (message.stickerKeywords?.length) return { source: "line_sticker" as const, text: message.stickerKeywords.join("/") };
  return null;
}

/**
 * Every youth message lands in their open consultation (24-hour reception), which it opens if there is
 * none. Its text (or a sticker's keywords) is assessed for risk, which raises the consultation's
 * priority (never lowers it). Consoles hear of it on commit.
 */
export async function receiveYouthMessage(
  tx: DbOrTx,
  message: YouthMessage,
  keyring: Keyring,
): Promise<{ consultationId: string; messageId: string; opened: boolean; risk: RiskLevel; riskRaised: boolean }> {
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
  await publishConsoleEvent(tx, { kind: existing ? "message" : "queue", consultationId: consultation.id });
  const toAssess = riskInput(message);
  const risk = toAssess ? await assessYouthText(tx, { consultation, messageId: row.id, ...toAssess, at: message.sentAt }) : { level: "none" as const, raised: false };
  return { consultationId: consultation.id, messageId: row.id, opened: !existing, risk: risk.level, riskRaised: risk.raised };
}
