import { validateSignature } from "@line/bot-sdk";

export const dynamic = "force-dynamic";

/** The bare route: the same framework and the same signature check as the product's webhook, no database. */
export async function POST(request: Request) {
  const secret = process.env.LINE_CHANNEL_SECRET ?? "";
  const body = await request.text();
  const ok = validateSignature(body, secret, request.headers.get("x-line-signature") ?? "");
  return Response.json(ok ? { stored: 1 } : { error: "invalid signature" }, { status: ok ? 200 : 401 });
}
