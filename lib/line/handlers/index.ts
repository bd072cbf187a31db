import type { Tx } from "@/db";
import type { StoredWebhookEvent } from "../inbox/webhook-schema";
import type { EventHandler, EventOutcome, HandlerContext } from "./context";
import { handleFollow } from "./follow";
import { handleMessage } from "./message";
import { handlePostback } from "./postback";
import { handleUnfollow } from "./unfollow";
import { handleUnsend } from "./unsend";

export type { HandlerDeps } from "./context";

/** A Map, not an object: an event type such as `__proto__` or `toString` must find nothing, not Object.prototype. */
const handlers = new Map<string, EventHandler>([
  ["follow", handleFollow],
  ["unfollow", handleUnfollow],
  ["message", handleMessage],
  ["unsend", handleUnsend],
  ["postback", handlePostback],
]);

/** Routes one stored event. Groups, rooms and unknown types are kept in the inbox and ignored. */
export async function handleEvent(tx: Tx, event: StoredWebhookEvent, ctx: Omit<HandlerContext, "tx">): Promise<EventOutcome> {
  const handler = handlers.get(event.type);
  const userId = event.source?.type === "user" ? event.source.userId : undefined;
  if (!handler || !userId) {
    console.info(`[soudan] line event ignored: type=${event.type} source=${event.source?.type ?? "none"}`);
    return "ignored";
  }
  return handler({ ...event, source: { type: "user", userId } }, { ...ctx, tx });
}
