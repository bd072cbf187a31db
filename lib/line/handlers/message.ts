import { eq } from "drizzle-orm";
import { consultationMessages, youths } from "@/db/schema";
import { composeAutoReply, renderAutoReply } from "@/lib/autoreply";
import { fromRealTime } from "@/lib/clock";
import { buildSecureChatButton, receiveYouthMessage, type YouthMessage } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { startLineIntake } from "@/lib/intake";
import { enqueueReply, type LineMessage } from "@/lib/line-api";
import { composeSafetyReply, storeSafetyReply, type SafetyReply } from "@/lib/safety";
import { ensureYouth, type Youth } from "@/lib/youths";
import { buildSafetyMessage } from "../build-safety-message";
import { withQueueCheck } from "../with-queue-check";
import { replyTokenOf, type EventHandler, type HandlerContext } from "./context";

/** One refusal notice per few minutes: a youth sending ten photos gets one explanation, not ten. */
export const REFUSAL_NOTICE_INTERVAL_MS = 5 * 60_000;

/** Secure mode: one button to the secure chat per few minutes, however many lines the youth types into the talk. */
export const SECURE_CHAT_PROMPT_INTERVAL_MS = 5 * 60_000;

const MEDIA_TYPES = new Set(["image", "video", "audio", "file"]);

type LineMessageEvent = { id?: unknown; type?: unknown; text?: unknown; keywords?: unknown };

function stickerKeywords(keywords: unknown): string[] {
  return Array.isArray(keywords) ? keywords.filter((k): k is string => typeof k === "string") : [];
}

function classify(message: LineMessageEvent): Pick<YouthMessage, "kind" | "text" | "mediaType" | "stickerKeywords"> | null {
  if (message.type === "text" && typeof message.text === "string") return { kind: "text", text: message.text };
  if (message.type === "sticker") return { kind: "sticker", stickerKeywords: stickerKeywords(message.keywords) };
  if (typeof message.type === "string" && MEDIA_TYPES.has(message.type)) return { kind: "media_refused", mediaType: message.type };
  if (message.type === "location") return { kind: "location_refused" };
  return null;
}

async function shouldSendRefusal(ctx: HandlerContext, youth: Youth): Promise<boolean> {
  const { at } = ctx;
  if (youth.lastRefusalNoticeAt && at.getTime() - youth.lastRefusalNoticeAt.getTime() < REFUSAL_NOTICE_INTERVAL_MS) return false;
  await ctx.tx.update(youths).set({ lastRefusalNoticeAt: at }).where(eq(youths.id, youth.id));
  return true;
}

async function shouldPromptSecureChat(ctx: HandlerContext, youth: Youth): Promise<boolean> {
  const { at } = ctx;
  if (youth.secureChatPromptAt && at.getTime() - youth.secureChatPromptAt.getTime() < SECURE_CHAT_PROMPT_INTERVAL_MS) return false;
  await ctx.tx.update(youths).set({ secureChatPromptAt: at }).where(eq(youths.id, youth.id));
  return true;
}

/**
 * The answer to a high-risk message, instead of the automatic reply and the intake's question: line
 * mode gets the safety reply with dial buttons. Secure mode keeps it in the secure chat and gives LINE
 * only what the rich menu's 緊急のときは gives anyone (the numbers, nothing of the consultation) and
 * the button to the secure chat.
 */
async function safetyMessages(ctx: HandlerContext, consultationId: string, reply: SafetyReply): Promise<LineMessage[]> {
  await storeSafetyReply(ctx.tx, { consultationId, via: ctx.secureChat ? "secure_chat" : "line", reply, at: ctx.at }, ctx.keyring);
  if (!ctx.secureChat) return [buildSafetyMessage(reply.text, reply.contacts)];
  return [buildSafetyMessage(ja.safetyReply.emergency, reply.contacts), buildSecureChatButton(ja.safetyNumbers.securePrompt, ctx.secureChat.liffUrl)];
}

/**
 * Text and stickers join the youth's consultation and get the automatic reply the schedule calls for
 * (throttled), and in line mode a consultation they open gets the intake's first question. Media is never
 * downloaded and location never kept: only the fact that one arrived is recorded (R12), and the youth is
 * told why. In secure mode the text is kept all the same (marked as received via LINE), and the answer
 * adds a button to the secure chat, where the conversation continues without passing through LINE; the
 * answer holds nothing the youth wrote. A high-risk text (or sticker) is answered with the safety reply instead.
 */
export const handleMessage: EventHandler = async (event, ctx) => {
  const message = (event.message ?? {}) as LineMessageEvent;
  const classified = classify(message);
  if (!classified) return "ignored";
  const lineMessageId = typeof message.id === "string" ? message.id : undefined;
  if (lineMessageId) {
    const [seen] = await ctx.tx.select({ id: consultationMessages.id }).from(consultationMessages).where(eq(consultationMessages.lineMessageId, lineMessageId));
    if (seen) return "done";
  }
  const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
  const received = await receiveYouthMessage(
    ctx.tx,
    { youthId: youth.id, via: "line", ...classified, lineMessageId, sentAt: fromRealTime(event.timestamp) },
    ctx.keyring,
  );
  const replyTo = { youthId: youth.id, replyToken: replyTokenOf(event), receivedAt: ctx.receivedAt };
  if (classified.kind === "media_refused" || classified.kind === "location_refused") {
    if (await shouldSendRefusal(ctx, youth)) {
      const text = classified.kind === "media_refused" ? await renderAutoReply(ctx.tx, "media_refused", {}) : ja.line.locationRefused;
      await enqueueReply(ctx.tx, { ...replyTo, messages: [{ type: "text", text }] }, ctx.keyring);
    }
  } else {
    const safety = await composeSafetyReply(ctx.tx, { consultationId: received.consultationId, level: received.risk, at: ctx.at, pagingConfigured: ctx.pagingConfigured ?? false });
    if (safety) {
      await enqueueReply(ctx.tx, { ...replyTo, messages: await safetyMessages(ctx, received.consultationId, safety) }, ctx.keyring);
      return "done";
    }
    const text = await composeAutoReply(ctx.tx, received.consultationId, ctx.at);
    const asksIntake = received.opened && ctx.chatMode === "line";
    // Line mode: the notice carries 「順番を確認」 unless the intake's question follows with its own quick replies.
    const messages: LineMessage[] = text ? [ctx.chatMode === "line" && !asksIntake ? withQueueCheck(text) : { type: "text", text }] : [];
    if (ctx.secureChat && (await shouldPromptSecureChat(ctx, youth))) messages.push(buildSecureChatButton(ja.line.secureChatPrompt, ctx.secureChat.liffUrl));
    // Line mode asks the intake in the talk; the question goes last so its quick replies show.
    if (asksIntake) messages.push(await startLineIntake(ctx.tx, received.consultationId));
    if (messages.length > 0) await enqueueReply(ctx.tx, { ...replyTo, messages }, ctx.keyring);
  }
  return "done";
};
