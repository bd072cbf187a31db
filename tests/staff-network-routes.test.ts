import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { authenticateStaff, createStaff } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";

/**
 * R14 through the real route handlers, pages and server actions: with SOUDAN_STAFF_ALLOWED_CIDRS set,
 * staff requests from elsewhere are refused (403, a Japanese page) before any session is looked at,
 * staff from inside work as before, and the youth's routes, the LINE webhook and the health check stay open.
 */
const request = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
const holder = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && request.cookie ? { value: request.cookie } : undefined), set: () => {} }),
}));
vi.mock("@/app/_server/database", () => ({
  getDb: async () => holder.database!.db,
  getDatabase: async () => holder.database!,
  getDatabaseBreaker: () => ({ check: async () => true, run: (work: () => Promise<unknown>) => work() }),
}));

const OFFICE = "192.0.2.0/24";
let dataDir: string;

function from(address: string | null, cookie?: string) {
  request.headers = new Headers(address ? { "x-forwarded-for": `10.9.9.9, ${address}` } : {});
  request.cookie = cookie;
  return request.headers;
}

let supervisorCookie: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-network-"));
  Object.assign(process.env, {
    SOUDAN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    SOUDAN_TRUSTED_PROXY_HEADER: "x-forwarded-for",
    SOUDAN_STAFF_ALLOWED_CIDRS: `${OFFICE},2001:db8::/32`,
    DATA_DIR: dataDir,
    LINE_CHANNEL_SECRET: "network-test-secret",
    LINE_LOGIN_CHANNEL_ID: "1650000000",
    // What next.config.ts's experimental.authInterrupts sets for the built app: forbidden() works.
    __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true",
  });
  (await import("@/lib/config")).resetConfigForTests();
  holder.database = await createTestDatabase();
  // A report is made only for a month of the service period.
  await saveSchedule(holder.database.db, takeo2024Preset, null, new Date(), "test");
  const { getKeyring, getSessionSecret } = await import("@/lib/crypto");
  await createStaff(holder.database.db, { loginId: "sato", displayName: "佐藤", role: "supervisor", qualifications: ["social_worker"], password: "long enough password" }, null);
  const signed = await authenticateStaff(
    holder.database.db,
    { loginId: "sato", password: "long enough password", address: null },
    { requireSecondFactor: false, lockoutThreshold: 5, lockoutMinutes: 15, addressLimit: 30, keyring: getKeyring() },
  );
  supervisorCookie = await encode({ token: { sid: signed.sessionId }, secret: getSessionSecret() });
}, 120_000);

afterAll(async () => {
  await holder.database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const name of ["SOUDAN_TRUSTED_PROXY_HEADER", "SOUDAN_STAFF_ALLOWED_CIDRS", "DATA_DIR", "LINE_CHANNEL_SECRET", "LINE_LOGIN_CHANNEL_ID"]) delete process.env[name];
});

const reportExport = async (headers: Headers) => {
  const { GET } = await import("@/app/api/reports/export/route");
  return GET(new Request("http://localhost/api/reports/export?kind=monthly&period=2024-08&format=csv", { headers }));
};

/** What forbidden() throws for Next to render app/forbidden.tsx with 403. */
const FORBIDDEN = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });

describe("staff routes from outside the allowed networks", () => {
  it("refuse a staff API with 403 even with a valid session, and log it without the address", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await reportExport(from("203.0.113.5", supervisorCookie));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "network_not_allowed" });
    expect(warn).toHaveBeenCalledWith("[soudan] staff request refused: not from a network in SOUDAN_STAFF_ALLOWED_CIDRS");
    expect(JSON.stringify(warn.mock.calls)).not.toContain("203.0.113.5");
    warn.mockRestore();
  });

  it("refuse a request whose address is unknown (no header from the proxy), or forged in front of the proxy's entry", async () => {
    expect((await reportExport(from(null, supervisorCookie))).status).toBe(403);
    const forged = new Headers({ "x-forwarded-for": `${OFFICE.split("/")[0]}, 203.0.113.5` });
    request.cookie = supervisorCookie;
    expect((await reportExport(forged)).status).toBe(403);
  });

  it("refuse pages, the sign-in page and server actions with the 403 page, which says the device cannot be used", async () => {
    from("203.0.113.5", supervisorCookie);
    const AuditPage = (await import("@/app/(console)/admin/audit/page")).default;
    await expect(AuditPage({ searchParams: Promise.resolve({}) })).rejects.toEqual(FORBIDDEN);
    const SignInPage = (await import("@/app/signin/page")).default;
    await expect(SignInPage({ searchParams: Promise.resolve({}) })).rejects.toEqual(FORBIDDEN);
    const { markReportSubmittedAction } = await import("@/app/_actions/report-deadlines");
    await expect(markReportSubmittedAction({} as never, new FormData())).rejects.toEqual(FORBIDDEN);
    const Forbidden = (await import("@/app/forbidden")).default;
    const html = renderToStaticMarkup(await Forbidden());
    expect(html).toContain(ja.networkRefused.title);
    expect(html).toContain(ja.networkRefused.body);
  });

  it("refuse next-auth's sign-in, session and CSRF endpoints", async () => {
    const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
    const { NextRequest } = await import("next/server");
    const headers = from("203.0.113.5");
    const context = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
    expect((await GET(new NextRequest("http://localhost/api/auth/csrf", { headers }), context("csrf"))).status).toBe(403);
    const signIn = new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", headers, body: "loginId=sato&password=long+enough+password" });
    const refused = await POST(signIn, context("callback", "credentials"));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "network_not_allowed" });
  });
});

describe("inside the allowed networks", () => {
  it("staff APIs work as before: 401 without a session, the file with one, and the export is anchored", async () => {
    expect((await reportExport(from("192.0.2.44"))).status).toBe(401);
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const response = await reportExport(from("2001:db8:1::9", supervisorCookie));
    info.mockRestore();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const checkpoints = fs.readFileSync(path.join(dataDir, "audit-checkpoints"), "utf8").trim().split("\n");
    expect(checkpoints).toHaveLength(1);
    expect(JSON.parse(checkpoints[0]!)).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("next-auth's routes go on to read the sign-in (here: refused for its size, past the network check)", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const { bodyLimits } = await import("@/app/_server/read-body");
    const { NextRequest } = await import("next/server");
    const headers = new Headers(from("192.0.2.1"));
    headers.set("content-length", String(bodyLimits.signIn + 1));
    const response = await POST(new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", headers, body: "a".repeat(bodyLimits.signIn + 1) }), {
      params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
    });
    expect(response.status).toBe(413);
  });
});

describe("the youth's routes, the LINE webhook and the health check, from anywhere", () => {
  it("stay open", async () => {
    const headers = from("203.0.113.5");
    const health = await (await import("@/app/api/health/route")).GET();
    expect(health.status).toBe(200);
    const webhook = await (await import("@/app/api/line/webhook/route")).POST(
      new Request("http://localhost/api/line/webhook", { method: "POST", headers: { ...Object.fromEntries(headers), "x-line-signature": "wrong" }, body: "{}" }),
    );
    expect(webhook.status).toBe(401);
    const liff = await (await import("@/app/api/liff/session/route")).POST(
      new Request("http://localhost/api/liff/session", { method: "POST", headers: { ...Object.fromEntries(headers), "content-type": "application/json" }, body: "{}" }),
    );
    expect(liff.status).toBe(401);
    expect(await liff.json()).toEqual({ error: ja.liff.tokenRefused });
  });
});
