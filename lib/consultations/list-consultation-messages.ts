import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages, lineOutbox } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";

export type Delivery = "queued" | "sent" | "failed" | "notice_failed" | null;

/**
 * A counselor's message shows the state of the LINE call carrying it; youth messages have none. In
 * secure mode the call is only the content-free notice (the reply itself waits in the secure chat),
 * so its failure says the youth was not told, not that the reply was lost.
 */
function deliveryOf(status: (typeof lineOutbox.$inferSelect)["status"] | null, via: string): Delivery {
  if (status === null) return null;
  if (status === "sent") return "sent";
  if (status === "failed" || status === "cancelled") return via === "secure_chat" ? "notice_failed" : "failed";
  return "queued";
}

/** The messages staff may see, oldest first, decrypted. Unsent messages are left out. */
export async function listConsultationMessages(tx: DbOrTx, consultationId: string, keyring: Keyring) {
  const rows = await tx
    .select({ message: consultationMessages, outboxStatus: lineOutbox.status })
    .from(consultationMessages)
    .leftJoin(lineOutbox, eq(lineOutbox.id, consultationMessages.outboxId))
    .where(and(eq(consultationMessages.consultationId, consultationId), isNull(consultationMessages.hiddenAt)))
    .orderBy(asc(consultationMessages.sentAt), asc(consultationMessages.createdAt));
  return rows.map(({ message: { bodyEnc, ...row }, outboxStatus }) => ({
    ...row,
    text: bodyEnc ? decryptField(keyring, bodyEnc) : null,
    delivery: deliveryOf(outboxStatus, row.via),
  }));
}
