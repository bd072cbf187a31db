import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { lineInbox } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { hideUnsentMessage } from "@/lib/consultations";
import { decryptField, encryptField, lookupHashes, type Keyring } from "@/lib/crypto";

interface InboxMessageEvent {
  message?: { id?: unknown; type?: unknown };
}

/**
 * A youth's unsend (LINE `unsend` event) erases that message everywhere Soudan keeps it: the
 * consultation's message row (hidden from staff, text erased, consoles told) and the inbox event it
 * arrived in, whose payload keeps only the message's id and type. Nothing else holds the text: risk
 * assessments, console events and audit rows never do, and the automatic replies never quote it.
 * Audited with counts when something was erased.
 */
export async function eraseUnsentMessage(
  tx: Tx,
  { lineMessageId, lineUserId, at }: { lineMessageId: string; lineUserId: string; at: Date },
  keyring: Keyring,
): Promise<{ messages: number; inboxPayloads: number }> {
  const consultationId = await hideUnsentMessage(tx, lineMessageId, at);
  const candidates = await tx
    .select({ id: lineInbox.webhookEventId, payloadEnc: lineInbox.payloadEnc })
    .from(lineInbox)
    .where(and(inArray(lineInbox.userHash, lookupHashes(keyring, lineUserId)), eq(lineInbox.eventType, "message"), isNotNull(lineInbox.payloadEnc)))
    .for("update");
  let inboxPayloads = 0;
  for (const row of candidates) {
    const event = JSON.parse(decryptField(keyring, row.payloadEnc!)) as InboxMessageEvent;
    // A redelivered unsend finds the event already reduced to the message's id and type.
    if (event.message?.id !== lineMessageId || Object.keys(event.message).every((key) => key === "id" || key === "type")) continue;
    const redacted = { ...event, message: { id: event.message.id, type: event.message.type } };
    await tx.update(lineInbox).set({ payloadEnc: encryptField(keyring, JSON.stringify(redacted)) }).where(eq(lineInbox.webhookEventId, row.id));
    inboxPayloads++;
  }
  const counts = { messages: consultationId ? 1 : 0, inboxPayloads };
  if (counts.messages + counts.inboxPayloads > 0) {
    await appendAudit(tx, { action: "retention.unsend_erased", actorLabel: "youth", target: consultationId ? `consultation:${consultationId}` : null, details: counts });
  }
  return counts;
}
