import { expect, test } from "@playwright/test";
import { routeAccess } from "@/app/_server/route-access";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { signInByApi } from "./helpers";

const accounts: Record<Role, string> = { admin: "admin", supervisor: "supervisor", counselor: "counselor2", city: "city" };
const guarded = Object.entries(routeAccess).filter(([, action]) => action !== "public");

test("without a session every guarded page sends to sign-in", async ({ request }) => {
  for (const [route] of guarded) {
    const response = await request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(307);
    expect(response.headers().location, route).toContain("/signin");
  }
});

for (const [role, loginId] of Object.entries(accounts) as [Role, string][]) {
  test(`every route answers ${role} as the permission table says`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await signInByApi(request, loginId);
    for (const [route, action] of guarded) {
      if (action === "public") continue;
      const response = await request.get(route, { maxRedirects: 0 });
      expect(response.status(), `${role} ${route}`).toBe(can(role, action) ? 200 : 403);
    }
    await request.dispose();
  });
}
