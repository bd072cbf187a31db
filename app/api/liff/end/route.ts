import { isJsonRequest, notJson, requireYouthForApi } from "@/app/_server/youth-session";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { endConsultationByYouth } from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";

export const dynamic = "force-dynamic";

/** 相談を終える: the youth closes their open consultation. Ending twice is harmless. */
export async function POST(request: Request) {
  if (!isJsonRequest(request)) return notJson();
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const ended = await endConsultationByYouth(await getDb(), { youthId: youth.youthId, at: now() }, getKeyring());
  return Response.json({ ended: ended !== null });
}
