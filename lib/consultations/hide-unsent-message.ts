import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages } from "@/db/schema";

/** The youth took the message back in LINE: staff no longer see it, and its text is erased. */
export async function hideUnsentMessage(tx: DbOrTx, lineMessageId: string, at: Date): Promise<boolean> {
  const hidden = await tx
    .update(consultationMessages)
    .set({ hiddenAt: at, bodyEnc: null })
    .where(and(eq(consultationMessages.lineMessageId, lineMessageId), isNull(consultationMessages.hiddenAt)))
    .returning({ id: consultationMessages.id });
  return hidden.length > 0;
}
