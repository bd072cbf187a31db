import { bodyLimits, readBody } from "@/app/_server/read-body";
import { getDatabaseBreaker, getDb } from "@/app/_server/database";
import { DatabaseUnavailableError } from "@/lib/availability";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { describeError } from "@/lib/jobs";
import { receiveWebhook, wakeLineWorkers } from "@/lib/line";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const secret = getConfig().LINE_CHANNEL_SECRET;
  if (!secret) return Response.json({ error: "LINE channel is not configured" }, { status: 503 });
  const body = await readBody(request, bodyLimits.webhook);
  if (!body.ok) return body.response;
  try {
    // The breaker answers within a second while the database is down or slow; LINE gives up on slow webhooks.
    const answer = await getDatabaseBreaker().run(() =>
      receiveWebhook(getDb, { rawBody: body.text, signature: request.headers.get("x-line-signature") }, { channelSecret: secret, keyring: getKeyring(), at: now() }),
    );
    if (answer.status !== 200) return Response.json({ error: answer.error }, { status: answer.status });
    wakeLineWorkers();
    return Response.json({ stored: answer.stored });
  } catch (error) {
    // Only a committed insert earns a 200; anything else makes LINE redeliver. A known outage is logged once (app/_server/database.ts), not per request.
    if (!(error instanceof DatabaseUnavailableError && error.reason === "known_down")) console.error(`[soudan] webhook events not stored: ${describeError(error)}`);
    return Response.json({ error: "temporarily unavailable" }, { status: 503 });
  }
}
