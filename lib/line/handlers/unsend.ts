import { eraseUnsentMessage } from "@/lib/retention";
import type { EventHandler } from "./context";

export const handleUnsend: EventHandler = async (event, ctx) => {
  const unsend = event.unsend as { messageId?: unknown } | undefined;
  if (typeof unsend?.messageId !== "string") return "ignored";
  await eraseUnsentMessage(ctx.tx, { lineMessageId: unsend.messageId, lineUserId: event.source.userId, at: ctx.at }, ctx.keyring);
  return "done";
};
