import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, consultations } from "@/db/schema";
import { raiseAlert } from "@/lib/alerts";
import { encryptField, type Keyring } from "@/lib/crypto";
import { publishConsoleEvent } from "@/lib/realtime/publish-console-event";
import { assessRisk, type RiskLevel } from "@/lib/risk";
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

/**
 * Every youth message lands in their open consultation (24-hour reception), which it opens if there is
 * none. Risk words raise the consultation's priority (never lower it); a high risk raises an on-call alert.
 * Consoles hear of it on commit.
 */
export async function receiveYouthMessage(
  tx: DbOrTx,
  message: YouthMessage,
  keyring: Keyring,
): Promise<{ consultationId: string; messageId: string; opened: boolean; riskRaised: RiskLevel | null }> {
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
  const risk = message.text === undefined ? 0 : assessRisk(message.text).level;
  const raises = risk > consultation.priority;
  await tx
    .update(consultations)
    .set({ lastYouthMessageAt: message.sentAt, ...(raises ? { priority: risk, riskDetectedAt: message.sentAt } : {}) })
    .where(eq(consultations.id, consultation.id));
  await publishConsoleEvent(tx, { kind: existing ? "message" : "queue", consultationId: consultation.id });
  if (raises) await publishConsoleEvent(tx, { kind: "risk", consultationId: consultation.id });
  // People on call are told at any hour, in the same transaction: the alert exists if and only if the message does.
  if (raises && risk >= 2) await raiseAlert(tx, { consultationId: consultation.id, kind: "risk", level: risk, at: message.sentAt });
  return { consultationId: consultation.id, messageId: row.id, opened: !existing, riskRaised: raises ? risk : null };
}
