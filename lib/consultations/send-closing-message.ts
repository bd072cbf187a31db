import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { autoReplyTemplates, consultationMessages } from "@/db/schema";
import { encryptField, type Keyring } from "@/lib/crypto";
import { easy, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";
import { enqueueLineCall } from "@/lib/line-api";
import { findChatPresence } from "@/lib/presence";
import type { Channel } from "./open-consultation";

/**
 * The admins' closing wording, rendered as lib/autoreply's renderAutoReply would (read here by key
 * because lib/autoreply builds on this module): a youth who reads やさしい日本語 gets the easy default
 * in kana; an admin's own wording is sent as written. A closing message has no value for any `{…}`
 * variable an admin may have put in it, so each becomes empty (renderTemplate's rule), never sent raw.
 */
async function renderClosingText(tx: DbOrTx, key: "closed" | "closed_inactive", reader: { easy: boolean }): Promise<string> {
  const [row] = await tx.select({ body: autoReplyTemplates.body }).from(autoReplyTemplates).where(eq(autoReplyTemplates.key, key));
  const body = row?.body ?? (reader.easy ? rubyToKana(easy.autoReply[key]) : ja.autoReply[key]);
  return body.replace(/\{[^{}]*\}/g, "");
}

/**
 * Tells the youth their consultation ended, in the admins' wording (edited on the automatic replies'
 * screen), or in the closer's own words when it has more to say (`text`: closing time also names the
 * next opening, so the youth gets one message, not two). The line is kept in the conversation (the
 * secure chat and the console show it) and pushed through LINE unless the youth is watching the
 * secure chat, or left by blocking the account (LINE would refuse it). Nothing of the conversation is in it.
 */
export async function sendClosingMessage(
  tx: DbOrTx,
  input: { consultationId: string; youthId: string; channel: Channel; inactive: boolean; easy: boolean; text?: string; push: boolean; at: Date },
  keyring: Keyring,
): Promise<void> {
  const text = input.text ?? (await renderClosingText(tx, input.inactive ? "closed_inactive" : "closed", { easy: input.easy }));
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
