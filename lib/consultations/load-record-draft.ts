import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationRecords } from "@/db/schema";
import { decryptField, type Keyring } from "@/lib/crypto";
import { recordDraftSchema, type RecordDraft } from "./record-form";

/** The saved draft of a consultation's record, or an empty one. */
export async function loadRecordDraft(tx: DbOrTx, consultationId: string, keyring: Keyring): Promise<RecordDraft> {
  const [row] = await tx.select({ draftEnc: consultationRecords.draftEnc }).from(consultationRecords).where(eq(consultationRecords.consultationId, consultationId));
  if (!row?.draftEnc) return {};
  const parsed = recordDraftSchema.safeParse(JSON.parse(decryptField(keyring, row.draftEnc)));
  return parsed.success ? parsed.data : {};
}
