import { expect, type APIRequestContext, type FrameLocator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "soudan-demo-password";

/** The form's own alert; Next's route announcer also has role=alert, outside <main>. */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** Waits until the attempt is decided: the page leaves /signin, or the form shows its refusal. */
export async function signIn(page: Page, loginId: string, password = DEMO_PASSWORD, code?: string) {
  await page.goto("/signin");
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード").fill(password);
  if (code) {
    await page.getByRole("button", { name: "確認コード（6桁）またはリカバリーコード" }).click();
    await page.getByLabel("確認コード（6桁）またはリカバリーコード").fill(code);
  }
  await page.getByRole("button", { name: "サインイン" }).click();
  await Promise.race([page.waitForURL((url) => !url.pathname.startsWith("/signin")), formAlert(page).waitFor()]);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "サインアウト" }).click();
  await expect(page.getByText("サインアウトしました。")).toBeVisible();
}

/** Signs in over HTTP the way the form does, for tests that only need a session cookie. */
export async function signInByApi(request: APIRequestContext, loginId: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, loginId, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
}

export async function createStaffViaAdmin(page: Page, staff: { loginId: string; displayName: string; role: string; password: string }) {
  await page.goto("/admin/staff");
  await page.getByLabel("ログインID").fill(staff.loginId);
  await page.getByLabel("表示名").fill(staff.displayName);
  await page.locator("#new-role").selectOption({ label: staff.role });
  if (staff.role === "相談員") await page.getByLabel("臨床心理士").check();
  await page.getByLabel("初期パスワード（12文字以上）").fill(staff.password);
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByText("スタッフを追加しました。")).toBeVisible();
  await expect(page.getByTestId(`staff-row-${staff.loginId}`)).toBeVisible();
}

/** A new youth on the emulator's phone page who adds the account as a friend; returns their LINE user id. */
export async function newYouthOnPhone(page: Page, emulatorUrl: string): Promise<string> {
  await page.goto(`${emulatorUrl}/`);
  await page.getByRole("button", { name: "新規ユーザー" }).click();
  await expect(page.getByRole("button", { name: "友だち追加" })).toBeEnabled();
  await page.getByRole("button", { name: "友だち追加" }).click();
  await expect(page.getByRole("region", { name: "リッチメニュー" }).getByRole("button", { name: "相談する" })).toBeVisible();
  return page.locator("#user-select").inputValue();
}

/**
 * The phone's youth taps 相談する: the LIFF page opens in the phone's in-app browser, signed in with
 * the ID token the emulator issued, and this waits until the secure chat is ready to write in.
 * Every spec opens the secure chat through here (or openSecureChatFromTalk), so a step that comes
 * before the chat (the intake form) is added in one place.
 */
export async function openSecureChat(page: Page): Promise<FrameLocator> {
  await page.getByRole("region", { name: "リッチメニュー" }).getByRole("button", { name: "相談する" }).click();
  return secureChatReady(page);
}

/** The same, through the 相談チャットを開く button of a message in the LINE talk (the newest one). */
export async function openSecureChatFromTalk(page: Page): Promise<FrameLocator> {
  await page.getByRole("log", { name: "トーク" }).getByRole("button", { name: "相談チャットを開く" }).last().click();
  return secureChatReady(page);
}

async function secureChatReady(page: Page): Promise<FrameLocator> {
  const chat = page.frameLocator("#browser-frame");
  await expect(chat.getByRole("heading", { name: "相談チャット" })).toBeVisible();
  await expect(chat.getByLabel("メッセージ")).toBeVisible();
  return chat;
}

/** The youth closes the phone's in-app browser; resolves once the chat's event stream has ended in the browser. */
export async function closeSecureChat(page: Page): Promise<void> {
  const streamEnded = page.waitForEvent("requestfailed", (r) => r.url().includes("/api/liff/events"));
  await page.getByRole("dialog").getByRole("button", { name: "閉じる" }).click();
  await streamEnded;
}
