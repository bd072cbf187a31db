/**
 * The one place the secure chat learns the youth's LIFF ID token.
 *
 * LINE hands a LIFF app its tokens in the URL fragment (`#id_token=…&client_id=…`); the emulator does
 * the same, so reading the fragment works in the demo without any SDK. In production with the real
 * LIFF SDK installed (@line/liff), replace the body with:
 *
 *   await liff.init({ liffId });
 *   if (!liff.isLoggedIn()) liff.login();
 *   return liff.getIDToken();
 *
 * Either way only the token leaves here: the server asks LINE who it belongs to, never the page.
 * The fragment is wiped from the address bar at once, so the token stays out of history and screenshots.
 */
export async function getIdToken(): Promise<string | null> {
  if (typeof window === "undefined") return null;
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  const token = fragment.get("id_token");
  if (token) window.history.replaceState(null, "", window.location.pathname + window.location.search);
  return token;
}
