import { z } from "zod";
import type { webhook } from "@line/bot-sdk";
import { followEvent, messageEvent, postbackEvent, postbackSchema, unfollowEvent, unsendEvent, userMessageSchema } from "./events";
import { newUserId } from "./ids";
import { json, lineError, parseJsonBody, type Ctx, type Reply, type Route } from "./http";
import type { IdTokens } from "./oauth";
import { effectiveRichMenu } from "./richmenu";
import { resetState, type Delivery, type Env, type User, type UserEntry } from "./state";
import type { WebhookSender } from "./webhook-sender";

const faultSchema = z
  .object({
    path: z.string().startsWith("/").optional(),
    method: z.string().toUpperCase().optional(),
    status: z.number().int().min(400).max(599).optional(),
    count: z.number().int().min(1).default(1),
    delayMs: z.number().int().min(0).max(120_000).default(0),
    retryAfter: z.number().int().min(0).optional(),
    processed: z.boolean().default(false),
  })
  .refine((f) => f.status !== undefined || f.delayMs > 0, { message: "Give a status, a delayMs, or both" });

const quotaSchema = z.object({ limit: z.number().int().min(0).nullable(), used: z.number().int().min(0).optional() });

const newUserSchema = z
  .object({ displayName: z.string().min(1).max(20).optional(), userId: z.string().regex(/^U[0-9a-f]{32}$/).optional() })
  .default({});

const tokenSchema = z.object({
  userId: z.string().min(1),
  expiresIn: z.number().int().optional(),
  aud: z.string().min(1).optional(),
  nonce: z.string().optional(),
});

function serializeDelivery(d: Delivery) {
  const last = d.attempts.at(-1);
  return {
    webhookEventId: d.webhookEventId,
    userId: d.userId,
    delivered: d.delivered,
    redeliveryPending: d.timer !== undefined,
    lastStatus: last?.status ?? null,
    attempts: d.attempts,
    event: d.event,
  };
}

function timeline(env: Env, user: User) {
  return {
    userId: user.userId,
    displayName: user.displayName,
    status: user.status,
    loading: user.loadingUntil > env.now(),
    readUpToSeq: user.readUpToSeq,
    entries: user.entries.map((entry) => {
      if (entry.from === "bot") return entry;
      const d = env.state.deliveries.get(entry.webhookEventId);
      return { ...entry, delivery: d ? { delivered: d.delivered, lastStatus: d.attempts.at(-1)?.status ?? null, attempts: d.attempts.length } : null };
    }),
  };
}

const publicUser = (u: User) => ({ userId: u.userId, displayName: u.displayName, status: u.status });

export function controlRoutes(env: Env, sender: WebhookSender, idTokens: IdTokens): Route[] {
  const { state } = env;
  const route = (method: string, pattern: string, handler: (ctx: Ctx) => Reply | Promise<Reply>): Route => ({
    method,
    pattern: `/_emulator${pattern}`,
    operation: "emulatorControl",
    bearer: false,
    handler,
  });

  /** Runs a user action: finds the user, builds the event, delivers it, answers with the app's response. */
  const act = (build: (user: User, ctx: Ctx) => webhook.Event | Reply) => async (ctx: Ctx) => {
    const user = state.users.get(ctx.params.userId ?? "");
    if (!user) return lineError(404, "No such user");
    const built = build(user, ctx);
    if (!("webhookEventId" in built)) return built;
    const delivery = await sender.dispatch(built);
    return json(200, serializeDelivery(delivery));
  };

  return [
    route("GET", "/config", () =>
      json(200, {
        destination: state.destination,
        loginChannelId: env.options.loginChannelId,
        liffId: env.options.liffId ?? null,
        liffUrl: env.options.liffUrl ?? null,
        webhookUrl: env.options.webhookUrl,
      }),
    ),
    route("POST", "/reset", () => {
      resetState(state);
      return json(200, {});
    }),
    route("GET", "/requests", (ctx) => {
      const operation = ctx.query.get("operation");
      const path = ctx.query.get("path");
      const requests = state.requests.filter((r) => (!operation || r.operation === operation) && (!path || r.path.startsWith(path)));
      return json(200, { requests });
    }),
    route("DELETE", "/requests", () => {
      state.requests.length = 0;
      return json(200, {});
    }),
    route("GET", "/faults", () => json(200, { faults: state.faults })),
    route("PUT", "/quota", (ctx) => {
      const parsed = parseJsonBody(ctx, quotaSchema);
      if (!parsed.ok) return parsed.reply;
      state.monthlyLimit = parsed.value.limit;
      if (parsed.value.used !== undefined) Object.assign(state, { pushCount: parsed.value.used, usageMonth: new Date(env.now() + 9 * 3_600_000).toISOString().slice(0, 7) });
      return json(200, { limit: state.monthlyLimit, used: state.pushCount });
    }),
    route("POST", "/faults", (ctx) => {
      const parsed = parseJsonBody(ctx, faultSchema);
      if (!parsed.ok) return parsed.reply;
      const { count, ...rest } = parsed.value;
      const fault = { id: state.nextFaultId++, remaining: count, ...rest };
      state.faults.push(fault);
      return json(201, fault);
    }),
    route("DELETE", "/faults", () => {
      state.faults.length = 0;
      return json(200, {});
    }),
    route("GET", "/users", () => json(200, { users: [...state.users.values()].map(publicUser) })),
    route("POST", "/users", (ctx) => {
      const parsed = parseJsonBody(ctx, newUserSchema);
      if (!parsed.ok) return parsed.reply;
      const userId = parsed.value.userId ?? newUserId();
      if (state.users.has(userId)) return lineError(409, "User already exists");
      const user: User = {
        userId,
        displayName: parsed.value.displayName ?? `ユーザー${state.users.size + 1}`,
        status: "new",
        entries: [],
        loadingUntil: 0,
        readUpToSeq: 0,
      };
      state.users.set(userId, user);
      return json(201, publicUser(user));
    }),
    route("GET", "/users/:userId", (ctx) => {
      const user = state.users.get(ctx.params.userId ?? "");
      return user ? json(200, publicUser(user)) : lineError(404, "No such user");
    }),
    route("GET", "/users/:userId/timeline", (ctx) => {
      const user = state.users.get(ctx.params.userId ?? "");
      return user ? json(200, timeline(env, user)) : lineError(404, "No such user");
    }),
    route("GET", "/users/:userId/richmenu", (ctx) => {
      const stored = effectiveRichMenu(env, ctx.params.userId ?? "");
      if (!stored) return json(200, { richMenu: null });
      const imageUrl = stored.image ? `/_emulator/richmenus/${stored.menu.richMenuId}/image` : null;
      return json(200, { richMenu: { ...stored.menu, imageUrl } });
    }),
    route("GET", "/richmenus/:richMenuId/image", (ctx) => {
      const image = state.richMenus.get(ctx.params.richMenuId ?? "")?.image;
      return image ? { status: 200, raw: image } : lineError(404, "Not found");
    }),
    route(
      "POST",
      "/users/:userId/follow",
      act((user) => (user.status === "following" ? lineError(409, "Already a friend") : followEvent(env, user))),
    ),
    route(
      "POST",
      "/users/:userId/unfollow",
      act((user) => (user.status !== "following" ? lineError(409, "Not a friend") : unfollowEvent(env, user))),
    ),
    route(
      "POST",
      "/users/:userId/messages",
      act((user, ctx) => {
        // LINE does not let a user write to an account they have blocked.
        if (user.status === "blocked") return lineError(409, "The user has blocked the account");
        const parsed = parseJsonBody(ctx, userMessageSchema);
        return parsed.ok ? messageEvent(env, user, parsed.value) : parsed.reply;
      }),
    ),
    route(
      "POST",
      "/users/:userId/postback",
      act((user, ctx) => {
        if (user.status === "blocked") return lineError(409, "The user has blocked the account");
        const parsed = parseJsonBody(ctx, postbackSchema);
        return parsed.ok ? postbackEvent(env, user, parsed.value) : parsed.reply;
      }),
    ),
    route(
      "POST",
      "/users/:userId/unsend",
      act((user, ctx) => {
        const parsed = parseJsonBody(ctx, z.object({ messageId: z.string().min(1) }));
        if (!parsed.ok) return parsed.reply;
        const entry = user.entries.find(
          (e): e is Extract<UserEntry, { kind: "message" }> => e.from === "user" && e.kind === "message" && e.message.id === parsed.value.messageId,
        );
        if (!entry) return lineError(404, "No such message from this user");
        if (entry.unsent) return lineError(409, "Already unsent");
        entry.unsent = true;
        return unsendEvent(env, user, parsed.value.messageId);
      }),
    ),
    route("GET", "/webhooks", () => json(200, { deliveries: [...state.deliveries.values()].map(serializeDelivery) })),
    route("POST", "/redeliver/:webhookEventId", async (ctx) => {
      const delivery = state.deliveries.get(ctx.params.webhookEventId ?? "");
      if (!delivery) return lineError(404, "No such webhook event");
      await sender.redeliver(delivery);
      return json(200, serializeDelivery(delivery));
    }),
    route("POST", "/webhook/ping", async () => json(200, await sender.ping())),
    route("POST", "/liff/token", (ctx) => {
      const parsed = parseJsonBody(ctx, tokenSchema);
      if (!parsed.ok) return parsed.reply;
      const user = state.users.get(parsed.value.userId);
      if (!user) return lineError(404, "No such user");
      const { userId, ...rest } = parsed.value;
      return json(200, idTokens.issue({ sub: userId, name: user.displayName, ...rest }));
    }),
  ];
}
