import { z } from "zod";

/** The issuer LINE Login puts in every ID token it signs. */
export const LINE_ISSUER = "https://access.line.me";

/** Why a token was refused; the page shows one Japanese message for all of them. */
export type IdTokenRefusal = "rejected_by_line" | "wrong_issuer" | "wrong_audience" | "expired" | "unreachable";

export class IdTokenError extends Error {
  constructor(readonly reason: IdTokenRefusal) {
    super(`LIFF ID token refused: ${reason}`);
    this.name = "IdTokenError";
  }
}

// Only the claims we check. `name` and `picture` may be in LINE's answer; they are never read or kept.
const claimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  aud: z.string(),
  exp: z.number(),
});

export interface VerifyOptions {
  apiBaseUrl: string;
  channelId: string;
  now: Date;
  fetch?: typeof fetch;
}

/**
 * Asks LINE whether the ID token the LIFF page sent is genuine and returns its `sub`, the LINE user id.
 * The page's own word about who the user is never counts; only what LINE confirms here. The audience,
 * issuer and expiry are checked again locally so a misconfigured verifier cannot widen what we accept.
 */
export async function verifyLiffIdToken(idToken: string, options: VerifyOptions): Promise<string> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(new URL("/oauth2/v2.1/verify", options.apiBaseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id_token: idToken, client_id: options.channelId }).toString(),
    });
  } catch {
    throw new IdTokenError("unreachable");
  }
  if (response.status >= 500) throw new IdTokenError("unreachable");
  if (!response.ok) throw new IdTokenError("rejected_by_line");
  const parsed = claimsSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new IdTokenError("rejected_by_line");
  const claims = parsed.data;
  if (claims.iss !== LINE_ISSUER) throw new IdTokenError("wrong_issuer");
  if (claims.aud !== options.channelId) throw new IdTokenError("wrong_audience");
  if (claims.exp * 1000 <= options.now.getTime()) throw new IdTokenError("expired");
  return claims.sub;
}
