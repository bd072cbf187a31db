import { validateSignature } from "@line/bot-sdk";
import { bodyLimits, readBody } from "@/app/_server/read-body";
import { getConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

/**
 * The benchmark's bare baseline: the same framework, the same signature check, no database.
 * It exists only while SOUDAN_BENCH=1 (npm run bench:webhook sets it); otherwise it is a 404.
 */
export async function POST(request: Request) {
  const secret = getConfig().LINE_CHANNEL_SECRET;
  if (process.env.SOUDAN_BENCH !== "1" || !secret) return new Response(null, { status: 404 });
  const body = await readBody(request, bodyLimits.webhook);
  if (!body.ok) return body.response;
  const ok = validateSignature(body.text, secret, request.headers.get("x-line-signature") ?? "");
  return new Response(null, { status: ok ? 200 : 401 });
}
