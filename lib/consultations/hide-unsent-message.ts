import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationMessages } from "@/db/schema";
import { publishConsoleEvent } from "@/lib/realtime";

/**
 * The youth took the message back in LINE: staff no longer see it, and its text is erased. The
 * consoles showing the conversation refresh. Returns the consultation it was in, or null when no
 * message (still shown) has that LINE id.
 */
export async function hideUnsentMessage(tx: DbOrTx, lineMessageId: string, at: Date): Promise<string | null> {
  const [hidden] = await tx
    .update(consultationMessages)
    .set({ hiddenAt: at, bodyEnc: null })
    .where(and(eq(consultationMessages.lineMessageId, lineMessageId), isNull(consultationMessages.hiddenAt)))
    .returning({ consultationId: consultationMessages.consultationId });
  if (!hidden) return null;
  await publishConsoleEvent(tx, { kind: "message", consultationId: hidden.consultationId });
  return hidden.consultationId;
}
