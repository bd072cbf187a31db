import { checkQueueStatus, composeAutoReply, composeHoursAnswer, renderAutoReply } from "@/lib/autoreply";
import { buildSecureChatButton, findOpenConsultation, startConsultation } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";
import { answerLineIntake, startLineIntake } from "@/lib/intake";
import { enqueueReply, type LineMessage } from "@/lib/line-api";
import { answerLineSurvey } from "@/lib/surveys";
import { listSafetyContacts } from "@/lib/safety";
import { ensureYouth, type Youth } from "@/lib/youths";
import { buildSafetyMessage } from "../build-safety-message";
import { withQueueCheck } from "../with-queue-check";
import { replyTokenOf, type EventHandler, type HandlerContext } from "./context";

type Answer = (ctx: HandlerContext, youth: Youth) => Promise<LineMessage[]>;

/**
 * 相談する in line mode: a youth with no open consultation starts one in the talk (the greeting, the
 * queue notice, then the intake's first question, last so its quick replies show); one already in a
 * consultation is told where they stand. In secure mode the menu opens the secure chat instead, so a
 * stray postback gets the button to it.
 */
const consult: Answer = async (ctx, youth) => {
  if (ctx.secureChat) return [buildSecureChatButton(ja.line.secureChatPrompt, ctx.secureChat.liffUrl)];
  if (await findOpenConsultation(ctx.tx, youth.id)) return [withQueueCheck((await checkQueueStatus(ctx.tx, youth.id, ctx.at)).text)];
  const consultation = await startConsultation(ctx.tx, { youthId: youth.id, channel: "line", at: ctx.at });
  const notice = await composeAutoReply(ctx.tx, consultation.id, ctx.at);
  return [
    { type: "text", text: await renderAutoReply(ctx.tx, "consult_start", {}) },
    ...(notice ? [{ type: "text" as const, text: notice }] : []),
    await startLineIntake(ctx.tx, consultation.id),
  ];
};

/**
 * Postback data is `action=<name>`: the rich menu's 相談する (line mode), 相談時間 and 緊急のときは, and the
 * 「順番を確認」 quick reply under a queue notice. All are answered with the event's reply token (free).
 */
const answers: Record<string, Answer> = {
  consult,
  queue: async (ctx, youth) => [withQueueCheck((await checkQueueStatus(ctx.tx, youth.id, ctx.at)).text)],
  hours: async (ctx) => [{ type: "text", text: await composeHoursAnswer(ctx.tx, ctx.at) }],
  emergency: async (ctx) => [buildSafetyMessage(ja.safetyReply.emergency, await listSafetyContacts(ctx.tx))],
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
  await enqueueReply(ctx.tx, { youthId: youth.id, ...replyTo, messages: await answer(ctx, youth) }, ctx.keyring);
  return "done";
};
