import type { Liff } from "@line/liff/core";

/** What the server page tells the client about the LIFF app (lib/liff describeLiffApp). */
export interface LiffSettings {
  liffId: string;
  /** Against the LINE emulator: @line/liff-mock, fed the ID token the emulator handed over. */
  mock: boolean;
}

type MockedLiff = Liff & { $mock: { set: (data: { isLoggedIn: boolean; getIDToken: string | null }) => void } };

let signingIn: Promise<string | null> | null = null;

/**
 * The one place the secure chat learns the youth's LIFF ID token, through the LIFF SDK: `liff.init`,
 * then `liff.login()` when not signed in (an external browser), then `liff.getIDToken()`. `liff.init`
 * may run once per page, so every caller shares the first attempt.
 *
 * Against the emulator the SDK's mock plugin stands in for LINE: the emulator's phone puts a token it
 * issued in the URL fragment (`#id_token=…`), as LINE does, and the mock returns exactly that token.
 * Either way only the token leaves here: the server asks LINE (or the emulator) who it belongs to,
 * never the page. Null means no token this time (a reload: an earlier session cookie may still hold).
 */
export function getIdToken(settings: LiffSettings): Promise<string | null> {
  signingIn ??= signIn(settings).catch(() => null);
  return signingIn;
}

async function signIn({ liffId, mock }: LiffSettings): Promise<string | null> {
  // Loaded here, not with the page: an SDK that cannot start (no storage) leaves the page working and saying so.
  const [{ default: liff }, { default: IsInClient }, { default: IsLoggedIn }, { default: Login }, { default: GetIDToken }] = await Promise.all([
    import("@line/liff/core"),
    import("@line/liff/is-in-client"),
    import("@line/liff/is-logged-in"),
    import("@line/liff/login"),
    import("@line/liff/get-id-token"),
  ]);
  // The pluggable SDK: only what the chat uses. The mock plugin reads isInClient when it is installed.
  liff.use(new IsInClient());
  liff.use(new IsLoggedIn());
  liff.use(new Login());
  liff.use(new GetIDToken());
  if (mock) {
    const token = takeFragmentToken();
    const { LiffMockPlugin } = await import("@line/liff-mock");
    // Typed against the full SDK; at run time it needs only isInClient, installed above.
    liff.use(new LiffMockPlugin() as unknown as Parameters<typeof liff.use>[0]);
    (liff as MockedLiff).$mock.set({ isLoggedIn: token !== null, getIDToken: token });
    await liff.init({ liffId, mock: true } as Parameters<typeof liff.init>[0]);
    return liff.isLoggedIn() ? liff.getIDToken() : null;
  }
  await liff.init({ liffId });
  if (!liff.isLoggedIn()) {
    // An external browser: LINE Login, which comes back here with the tokens. The page is leaving.
    liff.login({ redirectUri: window.location.href });
    return new Promise<never>(() => {});
  }
  return liff.getIDToken();
}

/** The emulator's token from the fragment, wiped from the address bar at once (history, screenshots). */
function takeFragmentToken(): string | null {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("id_token");
  if (token) window.history.replaceState(null, "", window.location.pathname + window.location.search);
  return token;
}
