import { cookies } from "next/headers";
import { getDb } from "@/app/_server/database";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { CHAT_SESSION_MS, resolveChatSession } from "@/lib/liff";

/** The youth's secure-chat cookie. It names no staff session, so requireStaff never sees it. */
export const CHAT_COOKIE = "soudan_chat";

/**
 * LIFF pages are served from our own origin inside LINE's in-app browser, so the cookie is first-party
 * and Lax suffices. Only the demo frames the page from another site (the emulator's phone), which
 * needs None and Partitioned; browsers accept None only with Secure, which they allow on localhost too. HttpOnly keeps
 * the token from page scripts. The POST routes insist on a JSON body (see isJsonRequest), which a
 * cross-site form cannot send, so None in the demo does not open them to forged posts.
 */
export function chatCookie(token: string) {
  const config = getConfig();
  return {
    name: CHAT_COOKIE,
    value: token,
    httpOnly: true,
    secure: config.NODE_ENV === "production" || config.SOUDAN_DEMO,
    sameSite: config.SOUDAN_DEMO ? ("none" as const) : ("lax" as const),
    // Browsers that block third-party cookies still keep a partitioned one, scoped to the framing site.
    partitioned: config.SOUDAN_DEMO,
    path: "/",
    maxAge: Math.floor(CHAT_SESSION_MS / 1000),
  };
}

/**
 * The youth behind this request's chat cookie, or a 401 answer the page understands. The token comes
 * back too, so a long-lived stream can re-check its session without the request's cookies.
 */
export async function requireYouthForApi(): Promise<{ youthId: string; token: string } | Response> {
  const token = (await cookies()).get(CHAT_COOKIE)?.value ?? "";
  const session = await resolveChatSession(await getDb(), token, now());
  return session ? { ...session, token } : Response.json({ error: ja.liff.sessionEnded }, { status: 401 });
}

/** A cross-site HTML form can only send form encodings or text/plain; JSON needs a CORS preflight we never grant. */
export function isJsonRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";
}

export const notJson = () => Response.json({ error: ja.liff.textOnly }, { status: 415 });
