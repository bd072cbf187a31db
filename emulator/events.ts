import { z } from "zod";
import type { webhook } from "@line/bot-sdk";
import { newMessageId, newOpaqueToken, newReplyToken, newUlid } from "./ids";
import { appendEntry, type Env, type User } from "./state";

const REPLY_TOKEN_TTL_MS = 60_000;
/** LINE refuses a reply token 20 minutes after the event, even on a redelivered webhook. */
const REPLY_TOKEN_HARD_LIMIT_MS = 20 * 60_000;

export const userMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(5000), quotedMessageId: z.string().optional() }),
  z.object({
    type: z.literal("sticker"),
    packageId: z.string().default("446"),
    stickerId: z.string().default("1988"),
    keywords: z.array(z.string()).max(15).optional(),
  }),
  z.object({ type: z.literal("image") }),
  z.object({ type: z.literal("video"), duration: z.number().int().positive().default(10_000) }),
  z.object({ type: z.literal("audio"), duration: z.number().int().positive().default(5_000) }),
  z.object({ type: z.literal("file"), fileName: z.string().min(1).default("document.pdf"), fileSize: z.number().int().positive().default(1024) }),
  z.object({
    type: z.literal("location"),
    title: z.string().optional(),
    address: z.string().optional(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
]);
type UserMessageInput = z.output<typeof userMessageSchema>;

export const postbackSchema = z.object({
  data: z.string().max(300),
  params: z.record(z.string(), z.string()).optional(),
  /** What LINE shows in the talk as if the user said it; no message event is sent for it. */
  displayText: z.string().max(300).optional(),
});

function base(env: Env, userId: string) {
  const timestamp = env.now();
  return {
    timestamp,
    mode: "active" as const,
    source: { type: "user" as const, userId },
    webhookEventId: newUlid(timestamp),
    deliveryContext: { isRedelivery: false },
  };
}

function issueReplyToken(env: Env, userId: string, eventTimestamp: number): string {
  const token = newReplyToken();
  env.state.replyTokens.set(token, { userId, eventTimestamp, expiresAt: eventTimestamp + REPLY_TOKEN_TTL_MS, used: false });
  return token;
}

/** Each (re)delivery gives an unused token a fresh minute, as LINE documents for redelivered webhooks. */
export function armReplyToken(env: Env, token: string | undefined): void {
  const entry = token === undefined ? undefined : env.state.replyTokens.get(token);
  if (!entry || entry.used) return;
  const now = env.now();
  entry.expiresAt = Math.min(now + REPLY_TOKEN_TTL_MS, entry.eventTimestamp + REPLY_TOKEN_HARD_LIMIT_MS);
}

function messageContent(env: Env, input: UserMessageInput): webhook.MessageContent {
  const id = newMessageId(env.now());
  const markAsReadToken = newOpaqueToken();
  const lineContent: webhook.ContentProvider = { type: "line" };
  switch (input.type) {
    case "text":
      return { type: "text", id, text: input.text, quoteToken: newOpaqueToken(), markAsReadToken, ...(input.quotedMessageId && { quotedMessageId: input.quotedMessageId }) };
    case "sticker":
      return {
        type: "sticker",
        id,
        packageId: input.packageId,
        stickerId: input.stickerId,
        stickerResourceType: "STATIC",
        ...(input.keywords && { keywords: input.keywords }),
        quoteToken: newOpaqueToken(),
        markAsReadToken,
      };
    case "image":
      return { type: "image", id, contentProvider: lineContent, quoteToken: newOpaqueToken(), markAsReadToken };
    case "video":
      return { type: "video", id, duration: input.duration, contentProvider: lineContent, quoteToken: newOpaqueToken(), markAsReadToken };
    case "audio":
      return { type: "audio", id, duration: input.duration, contentProvider: lineContent, markAsReadToken };
    case "file":
      return { type: "file", id, fileName: input.fileName, fileSize: input.fileSize, markAsReadToken };
    case "location":
      return { type: "location", id, title: input.title, address: input.address, latitude: input.latitude, longitude: input.longitude, markAsReadToken };
  }
}

export function followEvent(env: Env, user: User): webhook.FollowEvent {
  const b = base(env, user.userId);
  const event: webhook.FollowEvent = {
    ...b,
    type: "follow",
    replyToken: issueReplyToken(env, user.userId, b.timestamp),
    follow: { isUnblocked: user.status === "blocked" },
  };
  user.status = "following";
  appendEntry(env, user, { from: "user", kind: "follow", webhookEventId: b.webhookEventId });
  return event;
}

export function unfollowEvent(env: Env, user: User): webhook.UnfollowEvent {
  const b = base(env, user.userId);
  user.status = "blocked";
  appendEntry(env, user, { from: "user", kind: "unfollow", webhookEventId: b.webhookEventId });
  return { ...b, type: "unfollow" };
}

export function messageEvent(env: Env, user: User, input: UserMessageInput): webhook.MessageEvent {
  const b = base(env, user.userId);
  const message = messageContent(env, input);
  const entry = appendEntry(env, user, { from: "user", kind: "message", webhookEventId: b.webhookEventId, message, unsent: false });
  if (message.markAsReadToken) env.state.markAsReadTokens.set(message.markAsReadToken, { userId: user.userId, seq: entry.seq });
  return { ...b, type: "message", replyToken: issueReplyToken(env, user.userId, b.timestamp), message };
}

export function postbackEvent(env: Env, user: User, input: z.output<typeof postbackSchema>): webhook.PostbackEvent {
  const b = base(env, user.userId);
  appendEntry(env, user, { from: "user", kind: "postback", webhookEventId: b.webhookEventId, data: input.data, displayText: input.displayText });
  return {
    ...b,
    type: "postback",
    replyToken: issueReplyToken(env, user.userId, b.timestamp),
    postback: { data: input.data, ...(input.params && { params: input.params }) },
  };
}

export function unsendEvent(env: Env, user: User, messageId: string): webhook.UnsendEvent {
  const b = base(env, user.userId);
  appendEntry(env, user, { from: "user", kind: "unsend", webhookEventId: b.webhookEventId });
  return { ...b, type: "unsend", unsend: { messageId } };
}
