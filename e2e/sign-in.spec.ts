import { expect, test } from "./fixtures";
import { createStaffViaAdmin, formAlert, signIn, signOut } from "./helpers";

const homes = [
  { loginId: "admin", path: "/admin/staff", heading: "スタッフ管理" },
  { loginId: "supervisor", path: "/supervisor", heading: "業務責任者ダッシュボード" },
  { loginId: "counselor1", path: "/console", heading: "相談コンソール" },
  { loginId: "city", path: "/reports", heading: "報告書" },
];

test("the sign-in page is in Japanese and reachable by keyboard", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "スタッフ サインイン" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("ログインID")).toBeFocused();
});

for (const home of homes) {
  test(`${home.loginId} signs in and lands on their own home`, async ({ page }) => {
    await signIn(page, home.loginId);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    await signOut(page);
    await page.goto(home.path);
    await expect(page).toHaveURL(/\/signin/);
  });
}

const wrongAnswer = "ログインIDまたはパスワードが違います。失敗が続くと、しばらくサインインできなくなります。";
const waitAnswer = "サインインの失敗が続いたため、しばらくサインインできません。しばらくしてから（15分後）もう一度お試しください。";

test("a wrong password and an unknown user get the same Japanese message", async ({ page }) => {
  await signIn(page, "counselor1", "not the password");
  await expect(formAlert(page)).toHaveText(wrongAnswer);
  await signIn(page, "nobody-here", "not the password");
  await expect(formAlert(page)).toHaveText(wrongAnswer);
});

test("after repeated failures a real and an unknown login both say when to retry; the admin unlocks and resets the password", async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await createStaffViaAdmin(admin, { loginId: "forgetter", displayName: "忘れ 太郎", role: "相談員", password: "first-password-long" });

  for (const loginId of ["forgetter", "nobody-else"]) {
    for (let i = 0; i < 5; i++) {
      await signIn(page, loginId, "not the password");
      await expect(formAlert(page)).toHaveText(wrongAnswer);
    }
    await signIn(page, loginId, "first-password-long");
    await expect(formAlert(page)).toHaveText(waitAnswer);
  }

  await admin.reload();
  const row = admin.getByTestId("staff-row-forgetter");
  await expect(row).toContainText("ロック中");
  await row.getByRole("button", { name: "ロックを解除" }).click();
  await expect(row.getByText("ロックを解除しました。すぐにサインインできます。")).toBeVisible();
  await expect(row).not.toContainText("ロック中");
  await signIn(page, "forgetter", "first-password-long");
  await expect(page).toHaveURL(/\/console$/);
  await signOut(page);

  admin.once("dialog", (dialog) => dialog.accept());
  await row.getByLabel("新しいパスワード（12文字以上）").fill("second-password-long");
  await row.getByRole("button", { name: "パスワードを再設定" }).click();
  await expect(row.getByText(/パスワードを再設定しました。/)).toBeVisible();
  await signIn(page, "forgetter", "first-password-long");
  await expect(formAlert(page)).toHaveText(wrongAnswer);
  await signIn(page, "forgetter", "second-password-long");
  await expect(page).toHaveURL(/\/console$/);
});

test("empty fields are refused in the form", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.locator("#loginId-error")).toHaveText("入力してください。");
  await expect(page.locator("#password-error")).toHaveText("入力してください。");
});

test("a tampered session cookie is refused", async ({ page, context, baseURL }) => {
  await signIn(page, "counselor1");
  await expect(page).toHaveURL(/\/console$/);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  const forged = `${cookie!.value.slice(0, -4)}AAAA`;
  await context.addCookies([{ name: cookie!.name, value: forged, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/console");
  await expect(page).toHaveURL(/\/signin\?reason=invalid/);
  await expect(page.getByText("セッションが無効です。もう一度サインインしてください。")).toBeVisible();
});

test("pages carry the security headers and no x-powered-by", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-powered-by"]).toBeUndefined();
});
