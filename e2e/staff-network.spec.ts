import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openDatabase } from "@/db/client";
import { createStaff } from "@/lib/auth/create-staff";
import { staffNetworkPort } from "../playwright.config";
import { signIn } from "./helpers";

/**
 * R14: an app started with SOUDAN_STAFF_ALLOWED_CIDRS behind a proxy that sets x-forwarded-for (here
 * the browser sets it, as the proxy would). From outside, staff pages and sign-in show a Japanese 403
 * page and APIs answer 403; from inside, staff sign in as usual; the youth's page is open to all.
 */
const baseURL = `http://127.0.0.1:${staffNetworkPort}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-e2e-network-"));
const password = "staff-network-password";
let server: ChildProcess;

test.describe.configure({ mode: "serial" });
test.use({ baseURL, viewport: { width: 1366, height: 768 } });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const database = await openDatabase({ kind: "pglite", dataDir, holder: "the staff network spec" });
  await database.migrate();
  await createStaff(database.db, { loginId: "office1", displayName: "事務 一郎", role: "supervisor", qualifications: ["social_worker"], password }, null);
  await database.close();
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(staffNetworkPort)], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(staffNetworkPort),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SOUDAN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SOUDAN_DEMO: "1",
      SOUDAN_WORKERS: "0",
      SOUDAN_TRUSTED_PROXY_HEADER: "x-forwarded-for",
      SOUDAN_STAFF_ALLOWED_CIDRS: "192.0.2.0/24,2001:db8::/32",
    },
  });
  await expect.poll(() => fetch(`${baseURL}/api/health`).then((r) => r.status, () => 0), { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const from = (page: Page, address: string) => page.setExtraHTTPHeaders({ "x-forwarded-for": address });

async function expectAxeClean(page: Page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
  expect(violations).toEqual([]);
}

test("from outside the office networks, sign-in and staff pages say this device cannot be used, and APIs answer 403", async ({ page }) => {
  await from(page, "203.0.113.5");
  for (const url of ["/signin", "/console", "/reports"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "この端末からは利用できません" })).toBeVisible();
    await expect(page.getByLabel("パスワード")).toHaveCount(0);
  }
  await expectAxeClean(page);
  const api = await page.request.get("/api/reports/export?kind=monthly&period=2026-03&format=csv", { headers: { "x-forwarded-for": "203.0.113.5" } });
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: "network_not_allowed" });
  const csrf = await page.request.get("/api/auth/csrf", { headers: { "x-forwarded-for": "203.0.113.5" } });
  expect(csrf.status()).toBe(403);
});

test("from inside, staff sign in and work as usual; the youth's page stays open from anywhere", async ({ page }) => {
  await from(page, "192.0.2.10");
  await signIn(page, "office1", password);
  await expect(page).toHaveURL(/\/supervisor/);
  await from(page, "203.0.113.5");
  const refused = await page.goto("/supervisor");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "この端末からは利用できません" })).toBeVisible();
  const liff = await page.goto("/liff");
  expect(liff?.status()).toBe(200);
});
