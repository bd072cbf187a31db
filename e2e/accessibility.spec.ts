import { devices, type Browser, type BrowserContextOptions } from "@playwright/test";
import { routeAccess } from "@/app/_server/route-access";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { lineBaseURL, secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { expect, findAccessibilityProblems, test } from "./fixtures";
import { newYouthOnPhone, openSecureChat, signInByApi } from "./helpers";

const laptop: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };
/** Pixel 7's size and touch, in the Debian Chromium every spec uses. */
const phone: BrowserContextOptions = devices["Pixel 7"];
const accounts: Record<Role, string> = { admin: "admin", supervisor: "supervisor", counselor: "counselor2", city: "city" };
const roles = Object.keys(accounts) as Role[];

/**
 * Pages that need data of their own (a consultation someone took, a record a person was granted to read):
 * the specs that create that data walk them, and the axe fixture checks them there.
 */
const walkedElsewhere: Record<string, string> = {
  "/console/c/[id]": "e2e/console.spec.ts",
  "/records": "e2e/records-inspection.spec.ts",
  "/records/[id]": "e2e/records-inspection.spec.ts",
};
const youthPages = ["/liff"];
const staffPages = Object.entries(routeAccess).flatMap(([route, action]) => (action === "public" || route.startsWith("/api/") || route in walkedElsewhere ? [] : [[route, action] as const]));

async function expectNoProblems(browser: Browser, options: BrowserContextOptions, path: string, loginId?: string) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (loginId) await signInByApi(page.request, loginId);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(await findAccessibilityProblems(page), `${path} as ${loginId ?? "nobody"}`).toEqual([]);
  await context.close();
}

test("every page in the route table is either checked here or by the spec that creates its data", () => {
  const pages = Object.keys(routeAccess).filter((route) => !route.startsWith("/api/"));
  const checked = new Set(["/", "/signin", ...youthPages, ...staffPages.map(([route]) => route), ...Object.keys(walkedElsewhere)]);
  expect(pages.filter((route) => !checked.has(route))).toEqual([]);
});

test("the check itself finds a serious problem when a page has one", async ({ page }) => {
  await page.goto("/signin");
  await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<img id="axe-probe" src="/favicon.ico">'));
  expect((await findAccessibilityProblems(page)).map((p) => p.rule)).toContain("image-alt");
  // Taken away again, so the fixture's own check after the test finds the page as the product serves it.
  await page.evaluate(() => document.getElementById("axe-probe")!.remove());
});

test("sign-in on a laptop and on a phone has no serious accessibility problem", async ({ browser }) => {
  await expectNoProblems(browser, laptop, "/signin");
  await expectNoProblems(browser, phone, "/signin");
});

test("the youth's page on a phone, in both chat modes, has no serious accessibility problem", async ({ browser }) => {
  await expectNoProblems(browser, { ...phone, baseURL: lineBaseURL }, "/liff");
  await expectNoProblems(browser, { ...phone, baseURL: secureBaseURL }, "/liff");
});

/**
 * The intake only: completing it would open a consultation, which would sit in the shared queue of the other
 * specs. The chat itself is checked by the fixture in e2e/liff.spec.ts and e2e/secure-chat.spec.ts.
 */
test("the secure chat's intake on a phone has no serious accessibility problem", async ({ browser }) => {
  const context = await browser.newContext({ ...phone, baseURL: secureBaseURL });
  const page = await context.newPage();
  await newYouthOnPhone(page, `http://127.0.0.1:${secureEmulatorPort}`);
  const chat = await openSecureChat(page, { intake: false });
  await expect(chat.getByRole("form", { name: "はじめに教えてください" })).toBeVisible();
  expect(await findAccessibilityProblems(page)).toEqual([]);
  await context.close();
});

for (const [route, action] of staffPages) {
  const role = roles.find((r) => can(r, action));
  test(`${route} on a laptop as ${role} has no serious accessibility problem`, async ({ browser }) => {
    await expectNoProblems(browser, laptop, route, accounts[role!]);
  });
}
