import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { autoReplyTemplates, consultationMessages } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { enqueueLineCall } from "@/lib/line-api";
import { findChatPresence } from "@/lib/presence";
import type { Channel } from "./open-consultation";

/**
 * Tells the youth their consultation ended, in the admins' wording (edited on the automatic replies'
 * screen, lib/autoreply; read here by key because lib/autoreply builds on this module). The line is
 * kept in the conversation (the secure chat and the console show it) and pushed through LINE unless
 * the youth is watching the secure chat, or left by blocking the account (LINE would refuse it).
 * Nothing of the conversation is in it.
 */
export async function sendClosingMessage(
  tx: DbOrTx,
  input: { consultationId: string; youthId: string; channel: Channel; inactive: boolean; push: boolean; at: Date },
  keyring: Keyring,
): Promise<void> {
  const key = input.inactive ? "closed_inactive" : "closed";
  const [row] = await tx.select({ body: autoReplyTemplates.body }).from(autoReplyTemplates).where(eq(autoReplyTemplates.key, key));
  const text = row?.body ?? ja.autoReply[key];
  const watching = (await findChatPresence(tx, input.youthId, input.at)).connected;
  const outboxId =
    input.push && !watching ? await enqueueLineCall(tx, { youthId: input.youthId, kind: "push", payload: { messages: [{ type: "text", text }] } }, keyring) : null;
  await tx.insert(consultationMessages).values({
    consultationId: input.consultationId,
    sender: "system",
    kind: "text",
    bodyEnc: encryptField(keyring, text),
    via: input.channel,
    sentAt: input.at,
    outboxId,
  });
}
