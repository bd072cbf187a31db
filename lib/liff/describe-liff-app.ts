import type { Env } from "@/lib/config";

/** LINE's own LIFF URL form: the LINE app opens the LIFF app in its in-app browser (the emulator maps it too). */
export function liffUrlOf(liffId: string): string {
  return `https://liff.line.me/${encodeURIComponent(liffId)}`;
}

export interface LiffApp {
  /** Null when LIFF_ID is not configured: no page can sign in, and LINE messages point at the menu instead. */
  liffId: string | null;
  /** `https://liff.line.me/{LIFF_ID}`: LINE opens it in its in-app browser (the emulator maps it to the app). */
  url: string | null;
  /**
   * True when LINE is played by something else (the emulator, a test double): the page then uses
   * @line/liff-mock and takes the ID token the emulator handed over. The server verifies every token
   * with LINE_API_BASE_URL all the same, so this decides only where the page looks for its token.
   */
  mock: boolean;
}

/** The LIFF app as this deployment's configuration describes it. */
export function describeLiffApp(config: Pick<Env, "LIFF_ID" | "LINE_API_BASE_URL">): LiffApp {
  const liffId = config.LIFF_ID ?? null;
  return { liffId, url: liffId ? liffUrlOf(liffId) : null, mock: new URL(config.LINE_API_BASE_URL).hostname !== "api.line.me" };
}
