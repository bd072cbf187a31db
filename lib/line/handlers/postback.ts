import { ja } from "@/lib/i18n/ja";
import { ensureYouth } from "@/lib/youths";
import { enqueueReply } from "../outbox/enqueue";
import { replyTokenOf, type EventHandler } from "./context";

/** Postback data is `action=<name>`; the rich menu's 相談時間 and 緊急のときは send these. */
const answers: Record<string, string> = {
  hours: ja.line.hours,
  emergency: ja.line.emergency,
};

export const handlePostback: EventHandler = async (event, ctx) => {
  const data = (event.postback as { data?: unknown } | undefined)?.data;
  const action = typeof data === "string" ? new URLSearchParams(data).get("action") : null;
  const text = action ? answers[action] : undefined;
  if (!text) return "ignored";
  const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
  await enqueueReply(ctx.tx, { youthId: youth.id, replyToken: replyTokenOf(event), receivedAt: ctx.receivedAt, messages: [{ type: "text", text }] }, ctx.keyring);
  return "done";
};
