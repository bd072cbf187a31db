import { eq } from "drizzle-orm";
import { consultationMessages, youths } from "@/db/schema";
import { composeAutoReply } from "@/lib/autoreply";
import { fromRealTime } from "@/lib/clock";
import { buildSecureChatButton, receiveYouthMessage, type YouthMessage } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { startLineIntake } from "@/lib/intake";
import { enqueueReply, type LineMessage } from "@/lib/line-api";
import { ensureYouth, type Youth } from "@/lib/youths";
import { replyTokenOf, type EventHandler, type HandlerContext } from "./context";

/** One refusal notice per few minutes: a youth sending ten photos gets one explanation, not ten. */
export const REFUSAL_NOTICE_INTERVAL_MS = 5 * 60_000;

/** Secure mode: one button to the secure chat per few minutes, however many lines the youth types into the talk. */
export const SECURE_CHAT_PROMPT_INTERVAL_MS = 5 * 60_000;

const MEDIA_TYPES = new Set(["image", "video", "audio", "file"]);

type LineMessageEvent = { id?: unknown; type?: unknown; text?: unknown };

function classify(message: LineMessageEvent): Pick<YouthMessage, "kind" | "text" | "mediaType"> | null {
  if (message.type === "text" && typeof message.text === "string") return { kind: "text", text: message.text };
  if (message.type === "sticker") return { kind: "sticker" };
  if (typeof message.type === "string" && MEDIA_TYPES.has(message.type)) return { kind: "media_refused", mediaType: message.type };
  if (message.type === "location") return { kind: "location_refused" };
  return null;
}

async function shouldSendRefusal(ctx: HandlerContext, youth: Youth): Promise<boolean> {
  const at = ctx.now();
  if (youth.lastRefusalNoticeAt && at.getTime() - youth.lastRefusalNoticeAt.getTime() < REFUSAL_NOTICE_INTERVAL_MS) return false;
  await ctx.tx.update(youths).set({ lastRefusalNoticeAt: at }).where(eq(youths.id, youth.id));
  return true;
}

async function shouldPromptSecureChat(ctx: HandlerContext, youth: Youth): Promise<boolean> {
  const at = ctx.now();
  if (youth.secureChatPromptAt && at.getTime() - youth.secureChatPromptAt.getTime() < SECURE_CHAT_PROMPT_INTERVAL_MS) return false;
  await ctx.tx.update(youths).set({ secureChatPromptAt: at }).where(eq(youths.id, youth.id));
  return true;
}

/**
 * Text and stickers join the youth's consultation and get the automatic reply the schedule calls for
 * (throttled), and in line mode a consultation they open gets the intake's first question. Media is never
 * downloaded and location never kept: only the fact that one arrived is recorded (R12), and the youth is
 * told why. In secure mode the text is kept all the same (marked as received via LINE), and the answer
 * adds a button to the secure chat, where the conversation continues without passing through LINE; the
 * answer holds nothing the youth wrote.
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
      const text = classified.kind === "media_refused" ? ja.line.mediaRefused : ja.line.locationRefused;
      await enqueueReply(ctx.tx, { ...replyTo, messages: [{ type: "text", text }] }, ctx.keyring);
    }
  } else {
    const text = await composeAutoReply(ctx.tx, received.consultationId, ctx.now());
    const messages: LineMessage[] = text ? [{ type: "text", text }] : [];
    if (ctx.secureChat && (await shouldPromptSecureChat(ctx, youth))) messages.push(buildSecureChatButton(ja.line.secureChatPrompt, ctx.secureChat.liffUrl));
    // Line mode asks the intake in the talk; the question goes last so its quick replies show.
    if (received.opened && ctx.chatMode === "line") messages.push(await startLineIntake(ctx.tx, received.consultationId));
    if (messages.length > 0) await enqueueReply(ctx.tx, { ...replyTo, messages }, ctx.keyring);
  }
  return "done";
};
