import type { NextConfig } from "next";

const isProduction = process.env.NODE_ENV === "production";

/**
 * Who may frame the LIFF pages: LINE's LIFF browser, and in the demo the LINE emulator's phone page
 * (any port on its host, since the demo picks ports at start and this is fixed at build time).
 */
function liffFrameAncestors(): string {
  const sources = ["'self'", "https://liff.line.me"];
  const api = process.env.LINE_API_BASE_URL;
  if (process.env.SOUDAN_DEMO && ["1", "true"].includes(process.env.SOUDAN_DEMO) && api) {
    const { protocol, hostname } = new URL(api);
    sources.push(`${protocol}//${hostname}:*`);
  }
  return sources.join(" ");
}

/**
 * What the LIFF SDK (@line/liff, bundled from npm, never fetched from a CDN by us) reaches on its own
 * inside LINE: LINE's API, login and LIFF hosts (token, certificates, LIFF app data), and the LIFF
 * extension scripts LINE's in-app browser loads from its CDN. Nothing else: no LIFF analytics (UTS).
 * Against the emulator the SDK's mock plugin makes no requests at all.
 */
const liffSdk = { script: " https://static.line-scdn.net/liff/", connect: " https://api.line.me https://access.line.me https://liff.line.me" };

// Next.js hydrates with inline scripts, hence 'unsafe-inline' for scripts; nothing else is loaded from elsewhere.
const policy = (frameAncestors: string, sdk = { script: "", connect: "" }) => [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}${sdk.script}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self'${sdk.connect}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${frameAncestors}`,
].join("; ");

const commonHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const securityHeaders = [{ key: "Content-Security-Policy", value: policy("'none'") }, { key: "X-Frame-Options", value: "DENY" }, ...commonHeaders];

// X-Frame-Options cannot name an allowed framer, so the LIFF pages rely on frame-ancestors alone.
const liffHeaders = [{ key: "Content-Security-Policy", value: policy(liffFrameAncestors(), liffSdk) }, ...commonHeaders];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The report renderers load fonts and a layout engine at run time, and the sign-in throttle imports drizzle-orm at run time: Node resolves them, not the bundler.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "@react-pdf/renderer", "exceljs", "rate-limiter-flexible"],
  experimental: { authInterrupts: true },
  async headers() {
    return [
      // Everything but /liff is never framed. The /liff pages are framed by LINE.
      { source: "/:path((?!liff(?:/|$)).*)", headers: securityHeaders },
      { source: "/liff", headers: liffHeaders },
      { source: "/liff/:path*", headers: liffHeaders },
    ];
  },
};

export default nextConfig;
