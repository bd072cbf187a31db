import { validateSignature } from "@line/bot-sdk";
import { getConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

/**
 * The benchmark's bare baseline: the same framework, the same signature check, no database.
 * It exists only while SOUDAN_BENCH=1 (npm run bench:webhook sets it); otherwise it is a 404.
 */
export async function POST(request: Request) {
  const secret = getConfig().LINE_CHANNEL_SECRET;
  if (process.env.SOUDAN_BENCH !== "1" || !secret) return new Response(null, { status: 404 });
  const body = await request.text();
  const ok = validateSignature(body, secret, request.headers.get("x-line-signature") ?? "");
  return new Response(null, { status: ok ? 200 : 401 });
}
