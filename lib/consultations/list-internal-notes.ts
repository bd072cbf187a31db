import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationNotes, staff } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";

/** Staff-only notes of one consultation, oldest first; `author` is null for notes the system wrote. */
export async function listInternalNotes(tx: DbOrTx, consultationId: string, keyring: Keyring) {
  const rows = await tx
    .select({ id: consultationNotes.id, bodyEnc: consultationNotes.bodyEnc, createdAt: consultationNotes.createdAt, author: staff.displayName })
    .from(consultationNotes)
    .leftJoin(staff, eq(staff.id, consultationNotes.authorId))
    .where(eq(consultationNotes.consultationId, consultationId))
    .orderBy(asc(consultationNotes.createdAt));
  return rows.map(({ bodyEnc, ...row }) => ({ ...row, text: bodyEnc === null ? ja.retention.contentPurged : decryptField(keyring, bodyEnc) }));
}
