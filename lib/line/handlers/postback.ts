import { ja } from "@/lib/i18n/ja";
import { answerLineIntake } from "@/lib/intake";
import { enqueueReply, type LineMessage } from "@/lib/line-api";
import { answerLineSurvey } from "@/lib/surveys";
import { listSafetyContacts } from "@/lib/safety";
import { ensureYouth } from "@/lib/youths";
import { buildSafetyMessage } from "../build-safety-message";
import { replyTokenOf, type EventHandler } from "./context";

/** Postback data is `action=<name>`; the rich menu's 相談時間 and 緊急のときは send these. 緊急のときは offers the admins' numbers as dial buttons. */
const answers: Record<string, (ctx: Parameters<EventHandler>[1]) => Promise<LineMessage>> = {
  hours: async () => ({ type: "text", text: ja.line.hours }),
  emergency: async (ctx) => buildSafetyMessage(ja.safetyReply.emergency, await listSafetyContacts(ctx.tx)),
};

/** `action=intake` and `action=survey` are quick-reply answers of the line-mode intake and survey; each is answered with the next question. */
export const handlePostback: EventHandler = async (event, ctx) => {
  const data = (event.postback as { data?: unknown } | undefined)?.data;
  const params = new URLSearchParams(typeof data === "string" ? data : "");
  const action = params.get("action");
  const replyTo = { replyToken: replyTokenOf(event), receivedAt: ctx.receivedAt };
  if (action === "intake") {
    const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
    const next = await answerLineIntake(ctx.tx, { youthId: youth.id, data: params, at: ctx.at });
    if (!next) return "ignored";
    await enqueueReply(ctx.tx, { youthId: youth.id, ...replyTo, messages: [next] }, ctx.keyring);
    return "done";
  }
  if (action === "survey") {
    const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
    const next = await answerLineSurvey(ctx.tx, { youthId: youth.id, data: params, at: ctx.at }, ctx.keyring);
    if (!next) return "ignored";
    await enqueueReply(ctx.tx, { youthId: youth.id, ...replyTo, messages: [next] }, ctx.keyring);
    return "done";
  }
  const answer = action && Object.hasOwn(answers, action) ? answers[action] : undefined;
  if (!answer) return "ignored";
  const youth = await ensureYouth(ctx.tx, event.source.userId, ctx.keyring);
  await enqueueReply(ctx.tx, { youthId: youth.id, ...replyTo, messages: [await answer(ctx)] }, ctx.keyring);
  return "done";
};
