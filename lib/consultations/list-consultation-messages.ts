import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";

/** The messages staff may see, oldest first, decrypted. Unsent messages are left out. */
export async function listConsultationMessages(tx: DbOrTx, consultationId: string, keyring: Keyring) {
  const rows = await tx
    .select()
    .from(consultationMessages)
    .where(and(eq(consultationMessages.consultationId, consultationId), isNull(consultationMessages.hiddenAt)))
    .orderBy(asc(consultationMessages.sentAt), asc(consultationMessages.createdAt));
  return rows.map(({ bodyEnc, ...row }) => ({ ...row, text: bodyEnc ? decryptField(keyring, bodyEnc) : null }));
}
