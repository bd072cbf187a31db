import { ja } from "@/lib/i18n/ja";
import { answerLineIntake } from "@/lib/intake";
import { enqueueReply } from "@/lib/line-api";
import { ensureYouth } from "@/lib/youths";
import { replyTokenOf, type EventHandler } from "./context";

/** Postback data is `action=<name>`; the rich menu's 相談時間 and 緊急のときは send these. */
const answers: Record<string, string> = {
  hours: ja.line.hours,
  emergency: ja.line.emergency,
};

/** `action=intake` is a quick-reply answer of the line-mode intake (lib/intake); it is answered with the next question. */
export const handlePostback: EventHandler = async (event, ctx) => {
  const data = (event.postback as { data?: unknown } | undefined)?.data;
  const params = new URLSearchParams(typeof data === "string" ? data : "");
  const action = params.get("action");
  const replyTo = { replyToken: replyTokenOf(event), receivedAt: ctx.receivedAt };
  if (action === "intake") {
    const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
    const next = await answerLineIntake(ctx.tx, { youthId: youth.id, data: params, at: ctx.now() });
    if (!next) return "ignored";
    await enqueueReply(ctx.tx, { youthId: youth.id, ...replyTo, messages: [next] }, ctx.keyring);
    return "done";
  }
  const text = action ? answers[action] : undefined;
  if (!text) return "ignored";
  const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
  await enqueueReply(ctx.tx, { youthId: youth.id, ...replyTo, messages: [{ type: "text", text }] }, ctx.keyring);
  return "done";
};
