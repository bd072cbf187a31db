import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { routeAccess } from "@/app/_server/route-access";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { signInByApi } from "./helpers";

const accounts: Record<Role, string> = { admin: "admin", supervisor: "supervisor", counselor: "counselor2", city: "city" };
const guarded = Object.entries(routeAccess).filter(([, action]) => action !== "public");

/**
 * The status of a GET. Route handlers under /api may stream (the console's Server-Sent Events never
 * end), so those are fetched directly and dropped once the status line is in.
 */
async function statusOf(request: APIRequestContext, baseURL: string, route: string): Promise<{ status: number; location?: string }> {
  if (!route.startsWith("/api/")) {
    const response = await request.get(route, { maxRedirects: 0 });
    return { status: response.status(), location: response.headers().location };
  }
  const { cookies } = await request.storageState();
  const abort = new AbortController();
  const response = await fetch(new URL(route, baseURL), { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") }, redirect: "manual", signal: abort.signal });
  abort.abort();
  return { status: response.status };
}

test("without a session every guarded page sends to sign-in, and every guarded API answers 401", async ({ request, baseURL }) => {
  for (const [route] of guarded) {
    const response = await statusOf(request, baseURL!, route);
    if (route.startsWith("/api/")) {
      expect(response.status, route).toBe(401);
    } else {
      expect(response.status, route).toBe(307);
      expect(response.location, route).toContain("/signin");
    }
  }
});

for (const [role, loginId] of Object.entries(accounts) as [Role, string][]) {
  test(`every route answers ${role} as the permission table says`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await signInByApi(request, loginId);
    for (const [route, action] of guarded) {
      if (action === "public") continue;
      // A dynamic route is walked with an id that does not exist: allowed roles get 404, the others 403 first.
      const dynamic = route.includes("[id]");
      const response = await statusOf(request, baseURL!, route.replace("[id]", "00000000-0000-4000-8000-000000000000"));
      expect(response.status, `${role} ${route}`).toBe(can(role, action) ? (dynamic ? 404 : 200) : 403);
    }
    await request.dispose();
  });
}
