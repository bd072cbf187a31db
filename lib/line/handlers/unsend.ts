import { hideUnsentMessage } from "@/lib/consultations";
import type { EventHandler } from "./context";

export const handleUnsend: EventHandler = async (event, ctx) => {
  const unsend = event.unsend as { messageId?: unknown } | undefined;
  if (typeof unsend?.messageId !== "string") return "ignored";
  await hideUnsentMessage(ctx.tx, unsend.messageId, ctx.at);
  return "done";
};
