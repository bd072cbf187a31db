import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { youthChatSessions } from "@/db/schema";
import { hashToken } from "./chat-sessions";

/**
 * Plays LINE's ID-token verify endpoint for tests: each token names the answer it gets, as LINE would
 * answer such a token (genuine, forged, expired, for another channel, from another issuer).
 */
export async function startFakeVerifyServer(channelId: string, now: Date) {
  const seconds = Math.floor(now.getTime() / 1000);
  const claims = { iss: "https://access.line.me", sub: "U-youth-1", aud: channelId, exp: seconds + 600, iat: seconds, name: "山田", picture: "https://x/p.png" };
  const refused = { status: 400, body: { error: "invalid_request", error_description: "Invalid IdToken." } };
  const answers: Record<string, { status: number; body: unknown }> = {
    valid: { status: 200, body: claims },
    forged: refused,
    expired: { status: 200, body: { ...claims, exp: seconds - 1, iat: seconds - 700 } },
    otherChannel: { status: 200, body: { ...claims, aud: "1659999999" } },
    otherIssuer: { status: 200, body: { ...claims, iss: "https://evil.example" } },
  };
  const received: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      received.push(form);
      const answer = (req.method === "POST" && req.url === "/oauth2/v2.1/verify" ? answers[form.get("id_token") ?? ""] : undefined) ?? refused;
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Marks a session revoked, as no product path does yet: proves a revoked session resolves to nobody. */
export async function revokeChatSession(tx: DbOrTx, token: string, at: Date): Promise<void> {
  await tx.update(youthChatSessions).set({ revokedAt: at }).where(eq(youthChatSessions.tokenHash, hashToken(token)));
}
