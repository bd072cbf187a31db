import { z } from "zod";
import { newRichMenuId } from "./ids";
import { header, json, lineError, parseJsonBody, type Ctx, type Reply, type Route } from "./http";
import { actionSchema } from "./message-schema";
import type { Env, StoredRichMenu } from "./state";

const MAX_IMAGE_BYTES = 1024 * 1024;

const richMenuSchema = z
  .object({
    size: z.object({
      width: z.number().int().min(800, "Must be between 800 and 2500").max(2500, "Must be between 800 and 2500"),
      height: z.number().int().min(250, "Must be 250 or more"),
    }),
    selected: z.boolean(),
    name: z.string().min(1, "May not be empty").max(300),
    chatBarText: z.string().min(1, "May not be empty").max(14, "Length must be between 0 and 14"),
    areas: z
      .array(
        z.object({
          bounds: z.object({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().min(1), height: z.number().int().min(1) }),
          action: actionSchema,
        }),
      )
      .max(20, "Size must be between 0 and 20"),
  })
  .superRefine((menu, ctx) => {
    if (menu.size.width / menu.size.height < 1.45) {
      ctx.addIssue({ code: "custom", path: ["size"], message: "Aspect ratio (width / height) must be 1.45 or more" });
    }
    menu.areas.forEach((area, i) => {
      const b = area.bounds;
      if (b.x + b.width > menu.size.width || b.y + b.height > menu.size.height) {
        ctx.addIssue({ code: "custom", path: ["areas", i, "bounds"], message: "Bounds must be inside the rich menu" });
      }
    });
  });

export type RichMenu = z.output<typeof richMenuSchema> & { richMenuId: string };

const notFound = () => lineError(404, "Not found");

function find(env: Env, id: string | undefined): StoredRichMenu | undefined {
  return env.state.richMenus.get(id ?? "");
}

function create(env: Env, ctx: Ctx): Reply {
  const parsed = parseJsonBody(ctx, richMenuSchema);
  if (!parsed.ok) return parsed.reply;
  const richMenuId = newRichMenuId();
  env.state.richMenus.set(richMenuId, { menu: { richMenuId, ...parsed.value } });
  return json(200, { richMenuId });
}

function upload(env: Env, ctx: Ctx): Reply {
  const stored = find(env, ctx.params.richMenuId);
  if (!stored) return notFound();
  const contentType = (header(ctx.headers, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (contentType !== "image/png" && contentType !== "image/jpeg") {
    return lineError(415, `The content type, ${contentType || "(none)"}, is not supported`);
  }
  if (ctx.body.length === 0) return lineError(400, "An image is required");
  if (ctx.body.length > MAX_IMAGE_BYTES) return lineError(413, "Image size must be 1MB or less");
  if (stored.image) return lineError(400, "An image has already been uploaded to the richmenu");
  stored.image = { body: ctx.body, contentType };
  return json(200, {});
}

/** LINE refuses to show a rich menu that has no image yet. */
function applicable(env: Env, id: string | undefined): Reply | null {
  const stored = find(env, id);
  if (!stored) return notFound();
  if (!stored.image) return lineError(400, "must upload richmenu image before applying it to user");
  return null;
}

function setDefault(env: Env, ctx: Ctx): Reply {
  const refusal = applicable(env, ctx.params.richMenuId);
  if (refusal) return refusal;
  env.state.defaultRichMenuId = ctx.params.richMenuId ?? null;
  return json(200, {});
}

function link(env: Env, ctx: Ctx): Reply {
  const refusal = applicable(env, ctx.params.richMenuId);
  if (refusal) return refusal;
  if (!env.state.users.has(ctx.params.userId ?? "")) return lineError(400, "The user ID is invalid");
  env.state.userRichMenus.set(ctx.params.userId ?? "", ctx.params.richMenuId ?? "");
  return json(200, {});
}

function remove(env: Env, ctx: Ctx): Reply {
  const id = ctx.params.richMenuId ?? "";
  if (!env.state.richMenus.delete(id)) return notFound();
  if (env.state.defaultRichMenuId === id) env.state.defaultRichMenuId = null;
  for (const [userId, linked] of env.state.userRichMenus) if (linked === id) env.state.userRichMenus.delete(userId);
  return json(200, {});
}

/** The menu a user's phone shows: the per-user link wins over the default, as on LINE. */
export function effectiveRichMenu(env: Env, userId: string): StoredRichMenu | undefined {
  return find(env, env.state.userRichMenus.get(userId) ?? env.state.defaultRichMenuId ?? undefined);
}

export function richMenuRoutes(env: Env): Route[] {
  const route = (method: string, pattern: string, operation: string, handler: (env: Env, ctx: Ctx) => Reply): Route => ({
    method,
    pattern,
    operation,
    bearer: true,
    handler: (ctx) => handler(env, ctx),
  });
  return [
    route("POST", "/v2/bot/richmenu", "createRichMenu", create),
    route("POST", "/v2/bot/richmenu/validate", "validateRichMenuObject", (_e, ctx) => {
      const parsed = parseJsonBody(ctx, richMenuSchema);
      return parsed.ok ? json(200, {}) : parsed.reply;
    }),
    route("GET", "/v2/bot/richmenu/list", "getRichMenuList", (e) =>
      json(200, { richmenus: [...e.state.richMenus.values()].map((s) => s.menu) }),
    ),
    route("GET", "/v2/bot/richmenu/:richMenuId", "getRichMenu", (e, ctx) => {
      const stored = find(e, ctx.params.richMenuId);
      return stored ? json(200, stored.menu) : notFound();
    }),
    route("DELETE", "/v2/bot/richmenu/:richMenuId", "deleteRichMenu", remove),
    route("POST", "/v2/bot/richmenu/:richMenuId/content", "setRichMenuImage", upload),
    route("GET", "/v2/bot/richmenu/:richMenuId/content", "getRichMenuImage", (e, ctx) => {
      const image = find(e, ctx.params.richMenuId)?.image;
      return image ? { status: 200, raw: image } : notFound();
    }),
    route("POST", "/v2/bot/user/all/richmenu/:richMenuId", "setDefaultRichMenu", setDefault),
    route("GET", "/v2/bot/user/all/richmenu", "getDefaultRichMenuId", (e) =>
      e.state.defaultRichMenuId ? json(200, { richMenuId: e.state.defaultRichMenuId }) : lineError(404, "no default richmenu"),
    ),
    route("DELETE", "/v2/bot/user/all/richmenu", "cancelDefaultRichMenu", (e) => {
      e.state.defaultRichMenuId = null;
      return json(200, {});
    }),
    route("POST", "/v2/bot/user/:userId/richmenu/:richMenuId", "linkRichMenuIdToUser", link),
    route("GET", "/v2/bot/user/:userId/richmenu", "getRichMenuIdOfUser", (e, ctx) => {
      const id = e.state.userRichMenus.get(ctx.params.userId ?? "");
      return id ? json(200, { richMenuId: id }) : lineError(404, "the user has no richmenu");
    }),
    route("DELETE", "/v2/bot/user/:userId/richmenu", "unlinkRichMenuIdFromUser", (e, ctx) => {
      e.state.userRichMenus.delete(ctx.params.userId ?? "");
      return json(200, {});
    }),
  ];
}
