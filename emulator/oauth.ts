import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { header, json, type Ctx, type Reply, type Route } from "./http";
import type { Env } from "./state";

const ISSUER = "https://access.line.me";

interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  amr: string[];
  nonce?: string;
  name?: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Issues and verifies HS256 ID tokens with a key that never leaves this process, so a token
 * the emulator did not issue (or one altered after issue) fails like a forged token at LINE.
 */
export function createIdTokens(env: Env) {
  const key = randomBytes(32);
  const sign = (input: string) => createHmac("sha256", key).update(input).digest();

  function issue(input: { sub: string; aud?: string; expiresIn?: number; nonce?: string; name?: string }): { idToken: string; claims: IdTokenClaims } {
    const iat = Math.floor(env.now() / 1000);
    const claims: IdTokenClaims = {
      iss: ISSUER,
      sub: input.sub,
      aud: input.aud ?? env.options.loginChannelId,
      exp: iat + (input.expiresIn ?? 3600),
      iat,
      amr: ["lineautologin"],
      ...(input.nonce !== undefined && { nonce: input.nonce }),
      ...(input.name !== undefined && { name: input.name }),
    };
    const signingInput = `${b64({ typ: "JWT", alg: "HS256" })}.${b64(claims)}`;
    return { idToken: `${signingInput}.${sign(signingInput).toString("base64url")}`, claims };
  }

  function decode(idToken: string): IdTokenClaims | null {
    const [head, body, signature, ...rest] = idToken.split(".");
    if (head === undefined || body === undefined || signature === undefined || rest.length > 0) return null;
    const expected = sign(`${head}.${body}`);
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as IdTokenClaims;
    } catch {
      return null;
    }
  }

  const invalid = (description: string): Reply => json(400, { error: "invalid_request", error_description: description });

  /** POST /oauth2/v2.1/verify with LINE's checks in LINE's order and LINE's error descriptions. */
  function verify(ctx: Ctx): Reply {
    const contentType = header(ctx.headers, "content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return invalid("Content-Type must be application/x-www-form-urlencoded.");
    }
    const form = new URLSearchParams(ctx.body.toString("utf8"));
    const idToken = form.get("id_token");
    const clientId = form.get("client_id");
    if (!idToken) return invalid("Required parameter is missing: id_token.");
    if (!clientId) return invalid("Required parameter is missing: client_id.");
    const claims = decode(idToken);
    if (!claims) return invalid("Invalid IdToken.");
    if (claims.iss !== ISSUER) return invalid("Invalid IdToken Issuer.");
    if (claims.exp * 1000 <= env.now()) return invalid("IdToken expired.");
    if (claims.aud !== clientId) return invalid("Invalid IdToken Audience.");
    const nonce = form.get("nonce");
    if (nonce !== null && claims.nonce !== nonce) return invalid("Invalid IdToken Nonce.");
    const userId = form.get("user_id");
    if (userId !== null && claims.sub !== userId) return invalid("Invalid IdToken Subject Identifier.");
    return json(200, claims);
  }

  const routes: Route[] = [{ method: "POST", pattern: "/oauth2/v2.1/verify", operation: "verifyIdToken", bearer: false, handler: verify }];
  return { issue, routes };
}

export type IdTokens = ReturnType<typeof createIdTokens>;
