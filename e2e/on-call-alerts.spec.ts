import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startSmtpInbox, startWebhookReceiver } from "../lib/alerts/testing/alert-receivers";
import { alertSmtpPort, alertWebhookPort, emulatorPort } from "../playwright.config";
import { createStaffViaAdmin, signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

test.beforeAll(async () => {
  smtp = await startSmtpInbox(alertSmtpPort);
  receiver = await startWebhookReceiver(alertWebhookPort);
});
test.afterAll(async () => {
  await smtp.close();
  await receiver.close();
});

async function newYouth(request: APIRequestContext): Promise<string> {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  return userId;
}

async function write(request: APIRequestContext, userId: string, text: string) {
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } })).ok()).toBe(true);
}

async function staffPage(browser: Browser, loginId: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, loginId, password);
  return page;
}

const mailsOf = (pseudonym: string) => smtp.mails.filter((m) => m.text.includes(pseudonym));
const postsOf = (pseudonym: string) => receiver.posts.filter((p) => p.body.includes(pseudonym));

// Alerts are raised at any hour, so this holds whenever the suite runs; out of hours is when they matter most.
test("a high-risk message pages the people on call by e-mail and webhook, re-sent until a person acknowledges it", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const supervisor = await staffPage(browser, "supervisor");
  await supervisor.goto("/supervisor");
  await expect(supervisor.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");
  const known = await supervisor.getByTestId("open-alerts").locator("li").evaluateAll((items) => items.map((i) => i.getAttribute("data-testid")));

  const youth = await newYouth(request);
  await write(request, youth, "もう死にたい");
  // The newest alert appears live on the supervisor's page: that is this youth.
  const mine = supervisor.getByTestId("open-alerts").locator("li").filter({ hasNot: supervisor.locator(known.map((k) => `[data-testid="${k}"]`).join(",") || "nothing") });
  await expect(mine).toHaveCount(1);
  const pseudonym = (await mine.getAttribute("data-testid"))!.replace("open-alert-", "");

  await expect.poll(() => mailsOf(pseudonym).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => postsOf(pseudonym).length, { timeout: 30_000 }).toBe(1);
  const [mail] = mailsOf(pseudonym);
  expect(mail!.to).toEqual(["oncall@city.example.jp"]);
  expect(mail!.text).toContain("/console/c/");
  const [post] = postsOf(pseudonym);
  expect(post!.headers["x-soudan-signature"]).toMatch(/^[0-9a-f]{64}$/);
  for (const secret of ["死にたい", youth]) {
    expect(mail!.text).not.toContain(secret);
    expect(post!.body).not.toContain(secret);
  }

  // Nobody acknowledged and nobody took it: sent again after the interval (15 seconds here).
  await expect.poll(() => postsOf(pseudonym).length, { timeout: 90_000, intervals: [2_000] }).toBe(2);
  await expect.poll(() => mailsOf(pseudonym).length, { timeout: 15_000 }).toBe(2);
  expect(mailsOf(pseudonym)[1]!.text).toContain("再送1回目");

  await supervisor.getByRole("button", { name: `${pseudonym} 確認しました` }).click();
  await expect(supervisor.getByTestId(`open-alert-${pseudonym}`)).toHaveCount(0);
  const sent = postsOf(pseudonym).length;
  // Two intervals and the worker's pause: long enough for a re-send that should not happen.
  await supervisor.waitForTimeout(40_000);
  expect(postsOf(pseudonym)).toHaveLength(sent);
  expect(mailsOf(pseudonym)).toHaveLength(2);

  // The admin page shows that both channels are configured, and the alert as acknowledged.
  const admin = await staffPage(browser, "admin");
  await admin.goto("/admin/on-call");
  await expect(admin.getByTestId("alert-channels")).toContainText(`メール：設定済み（127.0.0.1:${alertSmtpPort}）`);
  await expect(admin.getByTestId("recent-alerts")).toContainText(`${pseudonym}`);
  await admin.context().close();
  await supervisor.context().close();
});

test("the on-call roster takes entries and answers bad input in Japanese", async ({ browser }) => {
  const admin = await staffPage(browser, "admin");
  await admin.goto("/admin/on-call");
  await admin.getByLabel("名前").fill("当番 田中");
  await admin.getByLabel("メールアドレス").fill("tanaka@");
  await admin.getByLabel("開始（日本時間）").fill("2030-12-05T20:00");
  await admin.getByLabel("終了（日本時間）").fill("2030-12-05T19:00");
  await admin.getByRole("button", { name: "当番を追加する" }).click();
  await expect(admin.getByText("メールアドレスの形が正しくありません（例：tanaka@city.example.jp）。")).toBeVisible();
  await expect(admin.getByText("終了は開始より後の日時にしてください。")).toBeVisible();
  await admin.getByLabel("メールアドレス").fill("tanaka@city.example.jp");
  await admin.getByLabel("終了（日本時間）").fill("2030-12-06T00:00");
  await admin.getByRole("button", { name: "当番を追加する" }).click();
  await expect(admin.getByText("当番を追加しました。")).toBeVisible();
  await expect(admin.getByTestId("on-call-roster")).toContainText("当番 田中（tanaka@city.example.jp）");
  await admin.getByRole("button", { name: "当番 田中 削除" }).click();
  await expect(admin.getByTestId("on-call-roster")).not.toContainText("当番 田中");
  await admin.context().close();
});

test("in hours: the supervisor's alert names and links the consultation; the counselor's other tab shows the risk live", async ({ browser, request }) => {
  // A counselor of its own: the demo counselors may already hold as many consultations as allowed after other specs.
  const own = { loginId: "oncall-counselor", displayName: "当番 七海", role: "相談員", password: "oncall-password-1" };
  const admin = await staffPage(browser, "admin");
  await createStaffViaAdmin(admin, own);
  await admin.context().close();
  const counselor = await staffPage(browser, own.loginId, own.password);
  const supervisor = await staffPage(browser, "supervisor");
  const youths: string[] = [];
  const pseudonyms: string[] = [];
  for (const text of ["相談したいです", "聞いてほしいことがあります"]) {
    await counselor.goto("/console");
    const before = await counselor.getByTestId("queue").locator("li").count();
    const youth = await newYouth(request);
    await write(request, youth, text);
    await counselor.goto("/console");
    const items = counselor.getByTestId("queue").locator("li");
    await expect(items).toHaveCount(before + 1);
    const pseudonym = (await items.last().locator("span.font-semibold").textContent())!;
    await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
    await counselor.waitForURL(/\/console\/c\//);
    youths.push(youth);
    pseudonyms.push(pseudonym);
  }
  // The counselor reads the second conversation; the first is the other tab.
  await expect(counselor.getByRole("heading", { name: pseudonyms[1]! })).toBeVisible();
  await expect(counselor.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");
  const otherTab = counselor.getByTestId(`tab-${pseudonyms[0]}`);
  await expect(otherTab.getByTestId("tab-risk")).toHaveCount(0);

  await supervisor.goto("/supervisor");
  await expect(supervisor.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");
  await write(request, youths[0]!, "リスカしたい、消えたい");

  await expect(otherTab.getByTestId("tab-risk")).toBeVisible();
  await expect(otherTab.getByTestId("tab-unread")).toHaveText("未読1件");
  const banner = supervisor.getByTestId("risk-banner");
  await expect(banner).toContainText(`危険を示す言葉を含む相談があります：${pseudonyms[0]}`);
  await banner.locator("li").filter({ hasText: pseudonyms[0]! }).getByRole("link", { name: "この相談を開く" }).click();
  await supervisor.waitForURL(/\/console\/c\//);
  await expect(supervisor.getByRole("heading", { name: pseudonyms[0]! })).toBeVisible();
  await counselor.context().close();
  await supervisor.context().close();
});
