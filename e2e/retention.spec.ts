import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { createStaffViaAdmin, signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;
test.use({ viewport: { width: 1366, height: 768 } });

test("an administrator reads the retention periods in force and the purges so far, by keyboard", async ({ page }) => {
  await signIn(page, "admin");
  const link = page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "保存期間" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/retention$/);
  await expect(page.getByRole("heading", { level: 1, name: "保存期間と削除" })).toBeVisible();
  await expect(page.getByTestId("payload-setting")).toHaveText("処理・送信が終わってから7日後に削除");
  await expect(page.getByTestId("content-setting")).toHaveText("相談が終わってから12か月後に削除");
  await expect(page.getByText("取り消しを受け取ったときに、保存しているすべての場所から削除")).toBeVisible();
  // A fresh demo has nothing old enough to purge; the hourly job records a run only when it erases something.
  await expect(page.getByTestId("no-runs").or(page.getByTestId("retention-runs"))).toBeVisible();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
});

async function newYouth(request: APIRequestContext): Promise<string> {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  return userId;
}

test("a youth's unsend takes the text off the counselor's screen at once", async ({ page, browser, request }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  const loginId = `retention${Date.now() % 100000}`;
  await createStaffViaAdmin(admin, { loginId, displayName: "保存期間 確認", role: "相談員", password: "retention-e2e-password" });
  await admin.close();

  await signIn(page, loginId, "retention-e2e-password");
  await page.goto("/console");
  const queue = page.getByTestId("queue").locator("li");
  const before = await queue.count();

  const userId = await newYouth(request);
  const kept = `残すことば${Date.now()}`;
  const secret = `やっぱり消したい${Date.now()}`;
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text: kept } })).ok()).toBe(true);
  const sent = (await (await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text: secret } })).json()) as {
    event: { message: { id: string } };
  };

  // The newest waiting youth is last among equals (nothing risky was written).
  await page.goto("/console");
  await expect(queue).toHaveCount(before + 1);
  const pseudonym = (await queue.last().locator("span.font-semibold").textContent())!;
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");
  await page.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await page.waitForURL(/\/console\/c\//);
  await expect(page.getByText(secret)).toBeVisible();
  await expect(page.getByText(kept)).toBeVisible();

  expect((await request.post(`${emulator}/_emulator/users/${userId}/unsend`, { data: { messageId: sent.event.message.id } })).ok()).toBe(true);
  // No reload: the consoles showing the conversation are told, and the text is gone from the page.
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByText(kept)).toBeVisible();
  await page.reload();
  await expect(page.getByText(kept)).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
});
