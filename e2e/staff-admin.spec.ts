import { expect, test } from "./fixtures";
import { Secret, TOTP } from "otpauth";
import { createStaffViaAdmin, formAlert, signIn, signOut } from "./helpers";

const password = "e2e-password-long-enough";

test.describe.configure({ mode: "serial" });

test("the admin creates staff, and bad input gets field errors in Japanese", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin\/staff$/);
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.locator("#new-loginId-error")).toContainText("ログインIDは半角英小文字");
  await expect(page.locator("#new-password-error")).toContainText("12文字以上");
  await page.getByLabel("ログインID").fill("counselor3");
  await page.getByLabel("表示名").fill("相談 三子");
  await page.getByLabel("初期パスワード（12文字以上）").fill(password);
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByText("相談員には資格・経験を1つ以上登録してください。")).toBeVisible();
  await page.getByLabel("臨床心理士").check();
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByText("スタッフを追加しました。")).toBeVisible();
  await expect(page.getByTestId("staff-row-counselor3")).toContainText("臨床心理士");
  await page.getByLabel("ログインID").fill("counselor3");
  await page.getByLabel("表示名").fill("重複");
  await page.getByLabel("臨床心理士").check();
  await page.getByLabel("初期パスワード（12文字以上）").fill(password);
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByText("このログインIDはすでに使われています。")).toBeVisible();
});

test("a deactivated user's open session is refused at its next request", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await createStaffViaAdmin(admin, { loginId: "leaver", displayName: "退職 予定", role: "相談員", password });

  const leaver = await (await browser.newContext()).newPage();
  await signIn(leaver, "leaver", password);
  await expect(leaver).toHaveURL(/\/console$/);

  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByTestId("staff-row-leaver").getByRole("button", { name: "無効にする" }).click();
  await expect(admin.getByTestId("staff-row-leaver")).toContainText("無効");

  await leaver.reload();
  await expect(leaver).toHaveURL(/\/signin\?reason=deactivated/);
  await expect(leaver.getByText("このアカウントは利用できなくなりました。")).toBeVisible();
  await signIn(leaver, "leaver", password);
  await expect(formAlert(leaver)).toHaveText("このアカウントは利用できません。管理者に連絡してください。");

  await admin.getByTestId("staff-row-leaver").getByRole("button", { name: "有効にする" }).click();
  await expect(admin.getByTestId("staff-row-leaver")).toContainText("有効");
  await signIn(leaver, "leaver", password);
  await expect(leaver).toHaveURL(/\/console$/);
});

test("a role change ends the session and the new role applies at the next sign-in", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await createStaffViaAdmin(admin, { loginId: "mover", displayName: "異動 する", role: "相談員", password });
  const mover = await (await browser.newContext()).newPage();
  await signIn(mover, "mover", password);
  await expect(mover).toHaveURL(/\/console$/);
  const row = admin.getByTestId("staff-row-mover");
  await row.getByLabel("役割").selectOption("supervisor");
  await row.getByRole("button", { name: "役割を変更" }).click();
  await expect(row).toContainText("業務責任者");
  await mover.reload();
  await expect(mover).toHaveURL(/\/signin\?reason=role_changed/);
  await signIn(mover, "mover", password);
  await expect(mover).toHaveURL(/\/supervisor$/);
});

test("repeated failures lock the account, even for the right password", async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await createStaffViaAdmin(admin, { loginId: "locktarget", displayName: "ロック 確認", role: "市職員", password });
  for (let i = 0; i < 5; i++) {
    await signIn(page, "locktarget", "wrong-password-guess");
    await expect(formAlert(page)).toHaveText("ログインIDまたはパスワードが違います。失敗が続くと、しばらくサインインできなくなります。");
  }
  await signIn(page, "locktarget", password);
  await expect(formAlert(page)).toContainText("しばらくしてから（15分後）もう一度お試しください。");
  await admin.reload();
  await expect(admin.getByTestId("staff-row-locktarget")).toContainText("ロック中");
});

test("a user enrols a TOTP second factor and then signs in with a code; a replayed code is refused", async ({ page, browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await createStaffViaAdmin(admin, { loginId: "totpe2e", displayName: "二段階 認証", role: "市職員", password });

  await signIn(page, "totpe2e", password);
  await page.getByRole("link", { name: "アカウント" }).click();
  await expect(page.getByRole("img", { name: "2段階認証のQRコード" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  await page.getByLabel("確認コード（6桁）").fill("123456" === totp.generate() ? "654321" : "123456");
  await page.getByRole("button", { name: "設定する" }).click();
  await expect(formAlert(page)).toContainText("確認コードが正しくない");
  const enrolCode = totp.generate();
  await page.getByLabel("確認コード（6桁）").fill(enrolCode);
  await page.getByRole("button", { name: "設定する" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await page.getByRole("button", { name: "ホームへ進む" }).click();
  await signOut(page);

  await signIn(page, "totpe2e", password);
  await expect(formAlert(page)).toHaveText("2段階認証の確認コードを入力してください。");
  // The code used to enrol is spent; wait for the next time step rather than replaying it.
  await signIn(page, "totpe2e", password, enrolCode);
  await expect(formAlert(page)).toContainText("確認コードが正しくないか、すでに使われています");
  await expect.poll(() => totp.generate(), { timeout: 35_000, intervals: [1000] }).not.toBe(enrolCode);
  const fresh = totp.generate();
  await signIn(page, "totpe2e", password, fresh);
  await expect(page).toHaveURL(/\/reports$/);
  await signOut(page);
  await signIn(page, "totpe2e", password, fresh);
  await expect(formAlert(page)).toContainText("すでに使われています");

  await admin.getByTestId("staff-row-totpe2e").getByRole("button", { name: "2段階認証をリセット" }).click();
  await expect(admin.getByTestId("staff-row-totpe2e")).toContainText("未設定");
});

test("the city role gets 403 on staff admin, and the refusal is audited", async ({ page, browser }) => {
  await signIn(page, "city");
  await expect(page).toHaveURL(/\/reports$/);
  const response = await page.goto("/admin/staff");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "アクセスできません（403）" })).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await admin.getByRole("link", { name: "監査ログ" }).click();
  const denied = admin.getByRole("row").filter({ hasText: "権限のない画面へのアクセス" }).filter({ hasText: "武雄 市子" });
  await expect(denied.first()).toContainText("スタッフ管理");
  await expect(admin.getByRole("row").filter({ hasText: "スタッフの利用停止" }).first()).toContainText("leaver");
  await expect(admin.getByRole("row").filter({ hasText: "サインアウト" }).first()).toBeVisible();
});
