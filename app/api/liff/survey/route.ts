import { bodyLimits, readJsonBody } from "@/app/_server/read-body";
import { isJsonRequest, notJson, requireYouthForApi } from "@/app/_server/youth-session";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { loadSurveyForYouth, submitSurvey } from "@/lib/surveys";

export const dynamic = "force-dynamic";

/** Whether the youth has a survey to answer (after a consultation ended), and if so its version. */
export async function GET() {
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const pending = await loadSurveyForYouth(await getDb(), youth.youthId, now());
  const body = pending ? { pending: true, definition: pending.form.definition } : { pending: false };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

/** The answers (all optional), checked against the version the youth was invited with. */
export async function POST(request: Request) {
  if (!isJsonRequest(request)) return notJson();
  const read = await readJsonBody(request, bodyLimits.liffSurvey);
  if (!read.ok) return read.response;
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const answers = (read.json as { answers?: unknown } | null)?.answers ?? {};
  const result = await submitSurvey(await getDb(), { youthId: youth.youthId, answers, at: now() }, getKeyring());
  if (!result.ok) return Response.json({ error: ja.survey.errors.summary, fieldErrors: result.fieldErrors }, { status: 400 });
  return Response.json({ ok: true, thanks: result.thanks });
}
