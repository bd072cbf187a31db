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
 * What to do when the secure chat shows the intake first: answer it (the sample answers by default),
 * or `false` to stop at the form, for specs about the form itself.
 */
export type IntakeStep = { intake?: IntakeAnswers | false };

/**
 * The phone's youth taps 相談する: the LIFF page opens in the phone's in-app browser, signed in with
 * the ID token the emulator issued; the intake is answered if it shows, and this waits until the
 * secure chat is ready to write in. Every spec opens the secure chat through here (or
 * openSecureChatFromTalk), so a step that comes before the chat is handled in one place.
 */
export async function openSecureChat(page: Page, step: IntakeStep = {}): Promise<FrameLocator> {
  await page.getByRole("region", { name: "リッチメニュー" }).getByRole("button", { name: "相談する" }).click();
  return secureChatReady(page, step);
}

/** The same, through the 相談チャットを開く button of a message in the LINE talk (the newest one). */
export async function openSecureChatFromTalk(page: Page, step: IntakeStep = {}): Promise<FrameLocator> {
  await page.getByRole("log", { name: "トーク" }).getByRole("button", { name: "相談チャットを開く" }).last().click();
  return secureChatReady(page, step);
}

async function secureChatReady(page: Page, step: IntakeStep): Promise<FrameLocator> {
  const chat = page.frameLocator("#browser-frame");
  await expect(chat.getByRole("heading", { name: "相談チャット" })).toBeVisible();
  const form = chat.getByRole("form", { name: "はじめに教えてください" });
  const box = chat.getByLabel("メッセージ");
  await expect(form.or(box)).toBeVisible();
  if (step.intake === false) return chat;
  if (await form.isVisible()) await completeIntake(chat, step.intake ?? sampleIntake);
  await expect(box).toBeVisible();
  return chat;
}

/** The youth closes the phone's in-app browser; resolves once the chat's event stream has ended in the browser. */
export async function closeSecureChat(page: Page): Promise<void> {
  const streamEnded = page.waitForEvent("requestfailed", (r) => r.url().includes("/api/liff/events"));
  await page.getByRole("dialog").getByRole("button", { name: "閉じる" }).click();
  await streamEnded;
}

/** Answers as the intake's labels read (version 1 unless a test changed it). */
export interface IntakeAnswers {
  ageBand: string;
  gender: string;
  topics: string[];
  note?: string;
}

export const sampleIntake: IntakeAnswers = { ageBand: "中学生", gender: "答えたくない", topics: ["いじめ", "友だちのこと"], note: "クラスで無視されています" };

/** The intake the secure chat shows before the chat: tap the answers, agree to the terms, start. */
export async function completeIntake(chat: FrameLocator, answers: IntakeAnswers = sampleIntake) {
  const form = chat.getByRole("form", { name: "はじめに教えてください" });
  await expect(form).toBeVisible();
  await form.getByRole("group", { name: /^年代/ }).getByLabel(answers.ageBand, { exact: true }).check();
  await form.getByRole("group", { name: /^性別/ }).getByLabel(answers.gender, { exact: true }).check();
  const topics = form.getByRole("group", { name: /^相談したいこと/ });
  for (const topic of answers.topics) await topics.getByLabel(topic, { exact: true }).check();
  if (answers.note) await form.getByLabel(/いちばん話したいこと/).fill(answers.note);
  await form.getByLabel("読んで、わかりました").check();
  await form.getByRole("button", { name: "相談をはじめる" }).click();
  await expect(chat.getByRole("log", { name: "相談のやりとり" })).toBeVisible();
}
