import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;

async function staffPage(browser: Browser, loginId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, loginId);
  return page;
}

/** A youth on the emulator's LINE writes; returns their LINE user id. */
async function youthWrites(request: APIRequestContext, text: string): Promise<string> {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } })).ok()).toBe(true);
  return userId;
}

async function timelineText(request: APIRequestContext, userId: string): Promise<string> {
  return JSON.stringify(await (await request.get(`${emulator}/_emulator/users/${userId}/timeline`)).json());
}

/** Claims the newest waiting consultation (nothing risky is written here, so it is the last row). */
async function claimNewest(page: Page, before: number) {
  await page.goto("/console");
  const items = page.getByTestId("queue").locator("li");
  await expect(items).toHaveCount(before + 1);
  const pseudonym = (await items.last().locator("span.font-semibold").textContent())!;
  await page.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await page.waitForURL(/\/console\/c\//);
  return pseudonym;
}

async function queueSize(page: Page) {
  await page.goto("/console");
  return page.getByTestId("queue").locator("li").count();
}

test("an admin keeps 定型文 and 支援機関; a counselor finds them and inserts them into a reply", async ({ browser, request }) => {
  const stamp = Date.now().toString(36);
  const admin = await staffPage(browser, "admin");
  await admin.goto("/admin/canned");
  const newCanned = admin.locator("form").first();
  await newCanned.getByRole("button", { name: "追加する" }).click();
  await expect(newCanned.getByText("見出しを入力してください。")).toBeVisible();
  await expect(newCanned.getByText("本文を入力してください。")).toBeVisible();
  await newCanned.getByLabel("見出し").fill(`眠れない夜 ${stamp}`);
  await newCanned.getByLabel("本文").fill(`眠れない夜はつらいね。${stamp}`);
  await newCanned.getByRole("button", { name: "追加する" }).click();
  await expect(newCanned.getByText("保存しました。")).toBeVisible();

  await admin.goto("/admin/agencies");
  const newAgency = admin.locator("form").first();
  await newAgency.getByLabel("名称").fill(`武雄市こども相談 ${stamp}`);
  await newAgency.getByLabel("URL").fill("ftp://example.jp");
  await newAgency.getByRole("button", { name: "追加する" }).click();
  await expect(newAgency.getByText("URLは http:// または https:// で始めてください。")).toBeVisible();
  await newAgency.getByLabel("URL").fill("https://example.jp/soudan");
  await newAgency.getByLabel("電話番号").fill("0954-00-0000");
  await newAgency.getByRole("button", { name: "追加する" }).click();
  await expect(newAgency.getByText("保存しました。")).toBeVisible();

  const counselor = await staffPage(browser, "counselor1");
  const before = await queueSize(counselor);
  const youth = await youthWrites(request, "夜になると眠れません");
  await claimNewest(counselor, before);
  const reply = counselor.getByLabel(/返信/);

  await counselor.getByText("定型文", { exact: true }).click();
  await counselor.getByRole("searchbox", { name: "定型文 検索" }).fill(stamp);
  await counselor.getByRole("button", { name: `眠れない夜 ${stamp} 挿入` }).click();
  await counselor.getByText("支援機関", { exact: true }).click();
  await counselor.getByRole("searchbox", { name: "支援機関 検索" }).fill(stamp);
  await counselor.getByRole("button", { name: `武雄市こども相談 ${stamp} 挿入` }).click();
  await expect(reply).toHaveValue(new RegExp(`眠れない夜はつらいね。${stamp}[\\s\\S]*武雄市こども相談 ${stamp}[\\s\\S]*0954-00-0000`));
  await reply.press("Enter");
  await expect(counselor.getByTestId("messages")).toContainText(`眠れない夜はつらいね。${stamp}`);
  await expect.poll(() => timelineText(request, youth)).toContain(`武雄市こども相談 ${stamp}`);

  // A 定型文 put out of use no longer appears to counselors.
  await admin.goto("/admin/canned");
  const saved = admin.locator("form").filter({ has: admin.locator(`input[value="眠れない夜 ${stamp}"]`) });
  await saved.getByRole("button", { name: "使用停止にする" }).click();
  await expect(saved.getByText("使用停止", { exact: true })).toBeVisible();
  await counselor.reload();
  await counselor.getByText("定型文", { exact: true }).click();
  await counselor.getByRole("searchbox", { name: "定型文 検索" }).fill(stamp);
  await expect(counselor.getByRole("button", { name: `眠れない夜 ${stamp} 挿入` })).toHaveCount(0);
  await admin.context().close();
  await counselor.context().close();
});

test("internal notes never reach the youth, and a transfer hands the conversation over with them", async ({ browser, request }) => {
  const first = await staffPage(browser, "counselor1");
  const second = await staffPage(browser, "counselor2");
  const before = await queueSize(first);
  const youth = await youthWrites(request, "学校に行けていません");
  const pseudonym = await claimNewest(first, before);
  const conversation = first.url();

  const note = `母親の帰宅が遅い日が多い（内部メモ ${Date.now()}）`;
  await first.getByRole("textbox", { name: "メモを追加" }).fill(note);
  await first.getByRole("button", { name: "メモを追加" }).click();
  await expect(first.getByTestId("notes")).toContainText(note);

  await first.getByLabel(/引き継ぎ先/).selectOption({ label: "相談 二美" });
  await first.getByRole("button", { name: "引き継ぐ" }).click();
  await first.waitForURL(/\/console$/);
  // No longer theirs: the page says who holds it now, and shows nothing of the conversation.
  await first.goto(conversation);
  await expect(first.getByTestId("refused")).toContainText("相談 二美 さんが担当しています");
  await expect(first.getByTestId("messages")).toHaveCount(0);

  await second.goto("/console");
  await second.getByRole("navigation", { name: "担当中の相談" }).getByRole("link", { name: pseudonym }).click();
  await expect(second.getByTestId("notes")).toContainText(note);
  await expect(second.getByTestId("messages")).toContainText("学校に行けていません");
  await second.getByLabel(/返信/).fill("話してくれてありがとう。");
  await second.getByLabel(/返信/).press("Enter");
  await expect.poll(() => timelineText(request, youth)).toContain("話してくれてありがとう。");
  expect(await timelineText(request, youth)).not.toContain("内部メモ");

  // Handed back to the queue, it waits for anyone again; taken again, it leaves the queue for the specs after this one.
  await second.getByLabel(/引き継ぎ先/).selectOption({ label: "待ち行列に戻す" });
  await second.getByRole("button", { name: "引き継ぐ" }).click();
  await second.waitForURL(/\/console$/);
  await second.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await second.waitForURL(conversation);
  await expect(second.getByTestId("notes")).toContainText(note);
  await first.context().close();
  await second.context().close();
});
