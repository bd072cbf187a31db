import { bodyLimits, readJsonBody } from "@/app/_server/read-body";
import { isJsonRequest, notJson, requireYouthForApi } from "@/app/_server/youth-session";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { listSecureChatMessages, receiveSecureChatMessage, secureChatMessageSchema } from "@/lib/liff";
import { isOnCallPagingConfigured } from "@/lib/safety";

export const dynamic = "force-dynamic";

/** The youth's current (or just ended) consultation, text only, and their place in the queue. */
export async function GET() {
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  return Response.json(await listSecureChatMessages(await getDb(), youth.youthId, getKeyring(), now()), { headers: { "cache-control": "no-store" } });
}

/** A youth's message: stored in Soudan only, never sent through LINE. In CHAT_MODE=line the talk is LINE's, so none are taken here. */
export async function POST(request: Request) {
  if (!isJsonRequest(request)) return notJson();
  const read = await readJsonBody(request, bodyLimits.liffMessage);
  if (!read.ok) return read.response;
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const config = getConfig();
  if (config.CHAT_MODE === "line") return Response.json({ error: ja.liff.lineMode }, { status: 409 });
  const body = secureChatMessageSchema.safeParse(read.json);
  if (!body.success) return Response.json({ error: body.error.issues[0]?.message ?? ja.liff.textOnly }, { status: 400 });
  const result = await receiveSecureChatMessage(await getDb(), { youthId: youth.youthId, text: body.data.text, at: now(), pagingConfigured: isOnCallPagingConfigured(config) }, getKeyring());
  if (!result.ok) return Response.json({ error: ja.liff.tooFast }, { status: 429 });
  return Response.json({ ok: true });
}
