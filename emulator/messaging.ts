import { z } from "zod";
import type { messagingApi } from "@line/bot-sdk";
import { newMessageId, newOpaqueToken } from "./ids";
import { header, json, lineError, parseJsonBody, type Ctx, type Reply, type Route } from "./http";
import { messagesSchema, type OutgoingMessage } from "./message-schema";
import { appendEntry, type Env } from "./state";

const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_ID = /^U[0-9a-f]{32}$/;
/** 1×1 transparent PNG: the emulator holds no real media, yet a content download must look like one. */
const PLACEHOLDER_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const replySchema = z.object({ replyToken: z.string().min(1), messages: messagesSchema, notificationDisabled: z.boolean().optional() });
const pushSchema = z.object({
  to: z.string().min(1),
  messages: messagesSchema,
  notificationDisabled: z.boolean().optional(),
  customAggregationUnits: z.array(z.string()).optional(),
});
const validateSchema = z.object({ messages: messagesSchema });
const loadingSchema = z.object({
  chatId: z.string().min(1),
  loadingSeconds: z
    .number()
    .int()
    .min(5, "Must be between 5 and 60")
    .max(60, "Must be between 5 and 60")
    .multipleOf(5, "must be a multiple of five")
    .optional(),
});
const markByTokenSchema = z.object({ markAsReadToken: z.string().min(1) });
const markByChatSchema = z.object({ chat: z.object({ userId: z.string().min(1) }) });

/** Puts bot messages on the user's phone; a user who blocked the account receives nothing, yet LINE still answers 200. */
function deliver(env: Env, userId: string, messages: OutgoingMessage[], via: "reply" | "push"): messagingApi.SentMessage[] {
  const user = env.state.users.get(userId);
  return messages.map((message) => {
    const id = newMessageId(env.now());
    if (user && user.status !== "blocked") {
      appendEntry(env, user, { from: "bot", via, messageId: id, message });
      user.loadingUntil = 0;
    }
    return message.type === "text" || message.type === "sticker" ? { id, quoteToken: newOpaqueToken() } : { id };
  });
}

function reply(env: Env, ctx: Ctx): Reply {
  if (header(ctx.headers, "x-line-retry-key") !== undefined) {
    return lineError(400, "X-Line-Retry-Key is not supported by this API");
  }
  const parsed = parseJsonBody(ctx, replySchema);
  if (!parsed.ok) return parsed.reply;
  const token = env.state.replyTokens.get(parsed.value.replyToken);
  if (!token || token.used || env.now() > token.expiresAt) return lineError(400, "Invalid reply token");
  token.used = true;
  return json(200, { sentMessages: deliver(env, token.userId, parsed.value.messages, "reply") });
}

const tokyoMonth = (ms: number) => new Date(ms + 9 * 60 * 60 * 1000).toISOString().slice(0, 7);

/** This month's paid messages; LINE's count starts again on the first of each month (Japan time). */
function monthUsage(env: Env): number {
  const month = tokyoMonth(env.now());
  if (env.state.usageMonth !== month) Object.assign(env.state, { usageMonth: month, pushCount: 0 });
  return env.state.pushCount;
}

function push(env: Env, ctx: Ctx): Reply {
  const retryKey = header(ctx.headers, "x-line-retry-key");
  if (retryKey !== undefined) {
    if (!UUID.test(retryKey)) return lineError(400, "The retry key is invalid");
    const accepted = env.state.retryKeys.get(retryKey.toLowerCase());
    if (accepted && env.now() - accepted.acceptedAt < RETRY_KEY_TTL_MS) {
      return json(
        409,
        { message: "The retry key is already accepted", sentMessages: accepted.sentMessages },
        { "x-line-accepted-request-id": accepted.requestId },
      );
    }
  }
  const parsed = parseJsonBody(ctx, pushSchema);
  if (!parsed.ok) return parsed.reply;
  if (!env.state.users.has(parsed.value.to)) return lineError(400, "Failed to send messages");
  const limit = env.state.monthlyLimit;
  // LINE's answer once the month's target is used up: final until next month, no Retry-After.
  if (limit !== null && monthUsage(env) >= limit) return lineError(429, "You have reached your monthly limit.");
  const sentMessages = deliver(env, parsed.value.to, parsed.value.messages, "push");
  env.state.pushCount = monthUsage(env) + 1;
  if (retryKey !== undefined) {
    env.state.retryKeys.set(retryKey.toLowerCase(), { requestId: ctx.requestId, acceptedAt: env.now(), sentMessages });
  }
  return json(200, { sentMessages });
}

function showLoading(env: Env, ctx: Ctx): Reply {
  const parsed = parseJsonBody(ctx, loadingSchema);
  if (!parsed.ok) return parsed.reply;
  const user = env.state.users.get(parsed.value.chatId);
  if (!USER_ID.test(parsed.value.chatId) || !user) {
    return lineError(400, "The request body has 1 error(s)", [
      { message: "Only user id is acceptable, please confirm if there are any group/room ids or illegal ids.", property: "chatId" },
    ]);
  }
  user.loadingUntil = env.now() + (parsed.value.loadingSeconds ?? 20) * 1000;
  return json(202, {});
}

function markAsReadByToken(env: Env, ctx: Ctx): Reply {
  const parsed = parseJsonBody(ctx, markByTokenSchema);
  if (!parsed.ok) return parsed.reply;
  const mark = env.state.markAsReadTokens.get(parsed.value.markAsReadToken);
  const user = mark && env.state.users.get(mark.userId);
  if (!mark || !user) return lineError(400, "Invalid markAsReadToken. Tokens must be used by the bot that received them via Webhook.");
  user.readUpToSeq = Math.max(user.readUpToSeq, mark.seq);
  return json(200, {});
}

function markAsReadByChat(env: Env, ctx: Ctx): Reply {
  const parsed = parseJsonBody(ctx, markByChatSchema);
  if (!parsed.ok) return parsed.reply;
  const user = env.state.users.get(parsed.value.chat.userId);
  if (!user) return lineError(400, "Failed to mark messages as read");
  const lastFromUser = user.entries.filter((e) => e.from === "user").at(-1);
  user.readUpToSeq = Math.max(user.readUpToSeq, lastFromUser?.seq ?? 0);
  return json(200, {});
}

function profile(env: Env, ctx: Ctx): Reply {
  const user = env.state.users.get(ctx.params.userId ?? "");
  if (!user || user.status !== "following") return lineError(404, "Not found");
  return json(200, { displayName: user.displayName, userId: user.userId, language: "ja" });
}

function content(env: Env, ctx: Ctx): Reply {
  const sent = [...env.state.users.values()]
    .flatMap((user) => user.entries)
    .find((entry) => entry.from === "user" && entry.kind === "message" && entry.message.id === ctx.params.messageId);
  const isMedia = sent?.from === "user" && sent.kind === "message" && ["image", "video", "audio", "file"].includes(sent.message.type);
  return isMedia ? { status: 200, raw: { body: PLACEHOLDER_PNG, contentType: "image/png" } } : lineError(404, "not found");
}

export function messagingRoutes(env: Env): Route[] {
  const route = (method: string, pattern: string, operation: string, handler: (env: Env, ctx: Ctx) => Reply): Route => ({
    method,
    pattern,
    operation,
    bearer: true,
    handler: (ctx) => handler(env, ctx),
  });
  const validateOnly = (_env: Env, ctx: Ctx): Reply => {
    const parsed = parseJsonBody(ctx, validateSchema);
    return parsed.ok ? json(200, {}) : parsed.reply;
  };
  return [
    route("POST", "/v2/bot/message/reply", "replyMessage", reply),
    route("POST", "/v2/bot/message/push", "pushMessage", push),
    route("POST", "/v2/bot/message/validate/reply", "validateReply", validateOnly),
    route("POST", "/v2/bot/message/validate/push", "validatePush", validateOnly),
    route("POST", "/v2/bot/chat/loading/start", "showLoadingAnimation", showLoading),
    route("POST", "/v2/bot/chat/markAsRead", "markMessagesAsReadByToken", markAsReadByToken),
    route("POST", "/v2/bot/message/markAsRead", "markMessagesAsRead", markAsReadByChat),
    route("GET", "/v2/bot/message/quota", "getMessageQuota", (e) =>
      json(200, e.state.monthlyLimit === null ? { type: "none" } : { type: "limited", value: e.state.monthlyLimit }),
    ),
    route("GET", "/v2/bot/message/quota/consumption", "getMessageQuotaConsumption", (e) => json(200, { totalUsage: monthUsage(e) })),
    // Insight: LINE answers for a past date (yyyyMMdd); the emulator counts its users as they are now.
    route("GET", "/v2/bot/insight/followers", "getNumberOfFollowers", (e, ctx) => {
      if (!/^\d{8}$/.test(ctx.query.get("date") ?? "")) return json(400, { message: "The value for the 'date' parameter is invalid" });
      const users = [...e.state.users.values()];
      const blocks = users.filter((user) => user.status === "blocked").length;
      return json(200, { status: "ready", followers: users.length, targetedReaches: users.length - blocks, blocks });
    }),
    route("GET", "/v2/bot/profile/:userId", "getProfile", profile),
    route("GET", "/v2/bot/message/:messageId/content", "getMessageContent", content),
    route("GET", "/v2/bot/message/:messageId/content/preview", "getMessageContentPreview", content),
    route("GET", "/v2/bot/info", "getBotInfo", (e) =>
      json(200, {
        userId: e.state.destination,
        basicId: "@000emulator",
        displayName: "相談窓口 (エミュレーター)",
        chatMode: "bot",
        markAsReadMode: "manual",
      }),
    ),
  ];
}
