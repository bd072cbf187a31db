import { cookies } from "next/headers";
import { z } from "zod";
import { bodyLimits, readJsonBody } from "@/app/_server/read-body";
import { chatCookie, isJsonRequest, notJson } from "@/app/_server/youth-session";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { IdTokenError, startChatSession, verifyLiffIdToken } from "@/lib/liff";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ idToken: z.string().min(1).max(4096) });

/** Exchanges a LIFF ID token, verified by LINE, for a short secure-chat session cookie. */
export async function POST(request: Request) {
  if (!isJsonRequest(request)) return notJson();
  const config = getConfig();
  if (!config.LINE_LOGIN_CHANNEL_ID) return Response.json({ error: ja.liff.notConfigured }, { status: 503 });
  const read = await readJsonBody(request, bodyLimits.liffSession);
  if (!read.ok) return read.response;
  const body = bodySchema.safeParse(read.json);
  if (!body.success) return Response.json({ error: ja.liff.tokenRefused }, { status: 401 });
  try {
    const sub = await verifyLiffIdToken(body.data.idToken, { apiBaseUrl: config.LINE_API_BASE_URL, channelId: config.LINE_LOGIN_CHANNEL_ID, now: now() });
    const session = await startChatSession(await getDb(), sub, getKeyring(), now());
    (await cookies()).set(chatCookie(session.token));
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof IdTokenError && error.reason === "unreachable") return Response.json({ error: ja.liff.notConfigured }, { status: 503 });
    if (error instanceof IdTokenError) return Response.json({ error: ja.liff.tokenRefused }, { status: 401 });
    throw error;
  }
}
