import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort, secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { createStaffViaAdmin, newYouthOnPhone, openSecureChat, signIn } from "./helpers";

/**
 * Issue 13 (R10, R11): a consent to share is a record, closing with information passed on is refused
 * without one, the city's inspection shows it; the safety plan reaches the youth's secure chat.
 */
const emulator = `http://127.0.0.1:${emulatorPort}`;
// The safety plan goes to the secure chat: the demo in CHAT_MODE=secure, with its own emulator.
const secureEmulator = `http://127.0.0.1:${secureEmulatorPort}`;
// Staff of their own, so consultations other specs left held do not get in the way.
const counselor = { loginId: "consent-counselor", displayName: "同意 四郎", role: "相談員", password: "consent-password-1" };
const inspector = { loginId: "consent-inspector", displayName: "検査 五郎", role: "市職員", password: "consent-password-2" };
const secureCounselor = { loginId: "plan-counselor", displayName: "安全 六子", role: "相談員", password: "consent-password-3" };

async function staffPage(browser: Browser, loginId: string, password?: string, baseURL?: string): Promise<Page> {
  const page = await (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
  await signIn(page, loginId, password);
  return page;
}

async function youthWrites(request: APIRequestContext, text: string) {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } })).ok()).toBe(true);
}

async function queueSize(page: Page): Promise<number> {
  await page.goto("/console");
  return page.getByTestId("queue").locator("li").count();
}

/** Claims the newest waiting consultation (nothing risky is written, so it is the last row); returns its pseudonym. */
async function claimNewest(page: Page, before: number, filter?: string): Promise<string> {
  await page.goto("/console");
  const items = page.getByTestId("queue").locator("li");
  await expect(items).toHaveCount(before + 1);
  const item = filter ? items.filter({ hasText: filter }).last() : items.last();
  const pseudonym = (await item.locator("span.font-semibold").textContent())!;
  await page.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await page.waitForURL(/\/console\/c\//);
  return pseudonym;
}

test("information passed on needs a consent on record; the city's inspection shows the consent", async ({ browser, request }) => {
  const words = `担任の先生には話してもいい（${Date.now()}）`;
  const admin = await staffPage(browser, "admin");
  await createStaffViaAdmin(admin, counselor);
  await createStaffViaAdmin(admin, inspector);

  const page = await staffPage(browser, counselor.loginId, counselor.password);
  const before = await queueSize(page);
  await youthWrites(request, "学校のことで相談したいです");
  const pseudonym = await claimNewest(page, before);

  // Marked as shared with no consent and no R10 exception: refused beside the field, in Japanese.
  const record = page.getByRole("form", { name: "相談記録（終了時に必須）" });
  await record.getByLabel("年代").selectOption({ label: "中学生" });
  await record.getByLabel("性別").selectOption({ label: "女性" });
  await record.getByLabel("学校・勉強").check();
  await record.getByLabel("相談内容の要約").fill("担任との関係に悩んでいる。");
  await record.getByLabel("対応内容の要約").fill("話を聴き、学校の相談窓口に伝えることを一緒に決めた。");
  await record.getByLabel("対応結果").selectOption({ label: "傾聴・助言" });
  const shared = record.getByLabel("関係機関に相談者の情報を伝えた");
  await shared.check();
  await record.getByRole("button", { name: "記録して終了する" }).click();
  await expect(record.getByText("情報を伝えるには、相談者の同意の記録（取り消されていないもの）か、同意なしの情報提供の記録が必要です。")).toBeVisible();
  await expect(shared).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/console\/c\//);

  // The counselor records the youth's consent: to whom, what, when, in the youth's words.
  const panel = page.getByTestId("consent-panel");
  await expect(panel.getByText("同意の記録はまだありません。")).toBeVisible();
  await panel.locator("summary", { hasText: "同意を記録する" }).click();
  const consentForm = panel.getByRole("form", { name: "同意を記録する" });
  await consentForm.getByLabel("支援機関から選ぶ").selectOption({ label: "24時間子供SOSダイヤル" });
  await consentForm.getByLabel("相談の内容").check();
  await consentForm.getByLabel("学校・学年").check();
  await consentForm.getByLabel("相談者のことば（そのまま、または要約）").fill(words);
  await consentForm.getByRole("button", { name: "同意を記録する" }).click();
  await expect(panel.getByRole("status")).toHaveText("同意を記録しました。");
  const consent = panel.getByTestId("consents").locator("li");
  await expect(consent).toHaveCount(1);
  await expect(consent).toContainText("24時間子供SOSダイヤル");
  await expect(consent).toContainText("相談の内容、学校・学年");
  await expect(consent).toContainText(words);
  await expect(consent).toContainText("有効");

  // The record kept what was typed; now it closes.
  await expect(shared).toBeChecked();
  await record.getByRole("button", { name: "記録して終了する" }).click();
  await page.waitForURL(/\/console$/);

  // An admin grants inspection; the city sees the consent in the record and the export.
  await admin.goto("/admin/staff");
  const row = admin.getByTestId(`staff-row-${inspector.loginId}`);
  admin.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "相談記録の閲覧を許可" }).click();
  await expect(row.getByText("相談記録の閲覧: 許可済み")).toBeVisible();

  const city = await staffPage(browser, inspector.loginId, inspector.password);
  await city.goto("/records");
  await city.getByTestId("records-table").getByRole("row").filter({ hasText: pseudonym }).getByRole("link", { name: "記録を開く" }).click();
  const detail = city.getByTestId("record-detail");
  await expect(detail.locator("div").filter({ has: city.locator("dt", { hasText: /^関係機関への情報提供$/ }) }).locator("dd")).toHaveText("はい");
  const consents = detail.getByTestId("record-consents");
  await expect(consents).toContainText("伝える先：24時間子供SOSダイヤル");
  await expect(consents).toContainText("伝えてよいこと：相談の内容、学校・学年");
  await expect(consents).toContainText(words);
  await expect(consents).toContainText(`記録した人：${counselor.displayName}`);
  await expect(detail.getByTestId("record-sharing-exceptions")).toHaveCount(0);

  await city.goto("/records");
  const month = await city.getByLabel("受付月").inputValue();
  const csv = await city.request.get(`/api/records/export?month=${month}&format=csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.body()).toString("utf8")).toContain(words);

  await admin.context().close();
  await page.context().close();
  await city.context().close();
});

test("a counselor saves a safety plan with the youth and sends it to the youth's secure chat", async ({ page, browser }) => {
  const admin = await staffPage(browser, "admin", undefined, secureBaseURL);
  await createStaffViaAdmin(admin, secureCounselor);
  await admin.context().close();
  const staff = await staffPage(browser, secureCounselor.loginId, secureCounselor.password, secureBaseURL);
  const before = await queueSize(staff);

  await newYouthOnPhone(page, secureEmulator);
  const chat = await openSecureChat(page);
  const log = chat.getByRole("log", { name: "相談のやりとり" });
  await chat.getByLabel("メッセージ").fill("夜になるとつらくなります");
  await chat.getByRole("button", { name: "送信する" }).click();
  await expect(log.locator("li[data-sender=youth]")).toHaveCount(1);
  await claimNewest(staff, before, "セキュアチャット");

  // Sending needs a saved version first.
  const panel = staff.getByTestId("safety-plan-panel");
  await expect(panel.getByRole("button", { name: "相談者に送る" })).toBeDisabled();
  await panel.getByLabel(/つらくなるサイン/).fill("夜ねむれない\nひとりで泣いてしまう");
  await panel.getByLabel(/気持ちが楽になること/).fill("好きな音楽をきく");
  await panel.getByLabel(/連絡できる人/).fill("保健室の先生");
  await panel.getByLabel(/電話できるところ/).fill("24時間子供SOSダイヤル 0120-0-78310");
  await panel.getByRole("button", { name: "保存する" }).click();
  await expect(panel.getByRole("status")).toHaveText("第1版を保存しました。");
  await expect(panel.getByTestId("safety-plan-versions")).toHaveText("第1版（未送信）");

  await panel.getByRole("button", { name: "相談者に送る" }).click();
  await expect(panel.getByRole("status")).toHaveText("相談者に送りました。");
  await expect(panel.getByTestId("safety-plan-versions")).toContainText(/第1版（.+に送信）/);

  // The youth reads it in the open secure chat, section by section; empty sections are left out.
  const plan = log.locator("li[data-sender=counselor]");
  await expect(plan).toHaveCount(1);
  for (const line of ["【あなたの安全プラン】", "■ つらくなるサイン", "・夜ねむれない", "・ひとりで泣いてしまう", "■ 気持ちが楽になること", "・好きな音楽をきく", "■ 連絡できる人", "・保健室の先生", "■ 電話できるところ", "・24時間子供SOSダイヤル 0120-0-78310"]) {
    await expect(plan).toContainText(line);
  }
  await expect(plan).not.toContainText("安心できる場所");
  await expect(staff.getByTestId("messages").locator("li[data-sender=counselor]").last()).toContainText("【あなたの安全プラン】");
  await staff.context().close();
});
