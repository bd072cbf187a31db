import { z } from "zod";
import { bodyLimits, readJsonBody } from "@/app/_server/read-body";
import { isJsonRequest, notJson, requireYouthForApi } from "@/app/_server/youth-session";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { getConfig } from "@/lib/config";
import { loadIntakeForYouth, submitIntake } from "@/lib/intake";
import { isOnCallPagingConfigured } from "@/lib/safety";

export const dynamic = "force-dynamic";

/** Whether the youth's consultation still needs its intake, and if so the version to show. */
export async function GET() {
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const state = await loadIntakeForYouth(await getDb(), youth.youthId);
  const body = state.answered ? { answered: true } : { answered: false, versionId: state.form.id, version: state.form.version, definition: state.form.definition };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}

const bodySchema = z.object({ versionId: z.uuid(), answers: z.record(z.string(), z.unknown()) });

/** The youth's intake answers: checked again here with the schema built from the version they were shown. */
export async function POST(request: Request) {
  if (!isJsonRequest(request)) return notJson();
  const read = await readJsonBody(request, bodyLimits.liffIntake);
  if (!read.ok) return read.response;
  const youth = await requireYouthForApi();
  if (youth instanceof Response) return youth;
  const body = bodySchema.safeParse(read.json);
  if (!body.success) return Response.json({ error: ja.intake.errors.summary }, { status: 400 });
  const result = await submitIntake(await getDb(), { youthId: youth.youthId, versionId: body.data.versionId, answers: body.data.answers, at: now(), pagingConfigured: isOnCallPagingConfigured(getConfig()) }, getKeyring());
  if (!result.ok && result.reason === "unknown_version") return Response.json({ error: ja.intake.errors.summary }, { status: 400 });
  if (!result.ok && result.reason === "invalid") return Response.json({ error: ja.intake.errors.summary, fieldErrors: result.fieldErrors }, { status: 400 });
  if (!result.ok) return Response.json({ error: ja.intake.errors.alreadyAnswered }, { status: 409 });
  return Response.json({ ok: true });
}
