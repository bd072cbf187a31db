import { cookies } from "next/headers";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { ja } from "@/lib/i18n/ja";
import { CHAT_SESSION_MS, resolveChatSession } from "@/lib/liff";

/** The youth's secure-chat cookie. It names no staff session, so requireStaff never sees it. */
export const CHAT_COOKIE = "soudan_chat";

/**
 * LIFF pages are served from our own origin inside LINE's in-app browser, so the cookie is first-party
 * and Lax suffices. HttpOnly keeps it from page scripts; Secure wherever the site runs on HTTPS.
 */
export function chatCookie(token: string) {
  return {
    name: CHAT_COOKIE,
    value: token,
    httpOnly: true,
    secure: getConfig().NODE_ENV === "production",
    sameSite: "lax" as const,
    path: "/",
    maxAge: Math.floor(CHAT_SESSION_MS / 1000),
  };
}

/** The youth behind this request's chat cookie, or a 401 answer the page understands. */
export async function requireYouthForApi(): Promise<{ youthId: string } | Response> {
  const token = (await cookies()).get(CHAT_COOKIE)?.value ?? "";
  const session = await resolveChatSession(await getDb(), token, now());
  return session ?? Response.json({ error: ja.liff.sessionEnded }, { status: 401 });
}
