import { readBodyLimited } from "@/app/_server/read-body";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { describeError } from "@/lib/jobs";
import { receiveWebhook, wakeLineWorkers } from "@/lib/line";

export const dynamic = "force-dynamic";

/** LINE's own requests are small; anything near this is not from LINE. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function POST(request: Request) {
  const secret = getConfig().LINE_CHANNEL_SECRET;
  if (!secret) return Response.json({ error: "LINE channel is not configured" }, { status: 503 });
  const rawBody = await readBodyLimited(request, MAX_BODY_BYTES);
  if (rawBody === null) return Response.json({ error: "body too large" }, { status: 413 });
  try {
    const answer = await receiveWebhook(
      getDb,
      { rawBody, signature: request.headers.get("x-line-signature") },
      { channelSecret: secret, keyring: getKeyring(), at: now() },
    );
    if (answer.status !== 200) return Response.json({ error: answer.error }, { status: answer.status });
    wakeLineWorkers();
    return Response.json({ stored: answer.stored });
  } catch (error) {
    // Only a committed insert earns a 200; anything else makes LINE redeliver.
    console.error(`[soudan] webhook events not stored: ${describeError(error)}`);
    return Response.json({ error: "temporarily unavailable" }, { status: 503 });
  }
}
