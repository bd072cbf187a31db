import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;

/** A youth on the emulator's LINE who adds the account and writes: the webhook opens a waiting consultation. */
async function youthWrites(request: APIRequestContext, text: string): Promise<string> {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  await write(request, userId, text);
  return userId;
}

async function write(request: APIRequestContext, userId: string, text: string) {
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } })).ok()).toBe(true);
}

async function timelineText(request: APIRequestContext, userId: string): Promise<string> {
  return JSON.stringify(await (await request.get(`${emulator}/_emulator/users/${userId}/timeline`)).json());
}

async function staffPage(browser: Browser, loginId: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, loginId);
  return page;
}

/** The pseudonyms in the queue, in its order (risk first, so the newest youth is not always last). */
async function queuePseudonyms(page: Page): Promise<string[]> {
  await page.goto("/console");
  return page.getByTestId("queue").locator("li span.font-semibold").allTextContents();
}

/** The youth who joined the queue since `before` was read. */
async function newestPseudonym(page: Page, before: string[]): Promise<string> {
  await expect.poll(async () => (await queuePseudonyms(page)).length).toBe(before.length + 1);
  return (await queuePseudonyms(page)).find((p) => !before.includes(p))!;
}

test("two counselors click the same consultation at once: exactly one gets it, and it leaves both queues", async ({ browser, request }) => {
  const one = await staffPage(browser, "counselor1");
  const two = await staffPage(browser, "counselor2");
  const before = await queuePseudonyms(one);
  await youthWrites(request, "相談したいことがあります");
  const pseudonym = await newestPseudonym(one, before);
  await two.goto("/console");
  await expect(one.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");
  const buttons = [one, two].map((p) => p.getByRole("button", { name: `${pseudonym} 担当する` }));
  await Promise.all(buttons.map((b) => b.click()));
  await Promise.all(
    [one, two].map((p) => Promise.race([p.waitForURL(/\/console\/c\//), p.getByRole("alert").filter({ hasText: "ほかの相談員がすでに担当しました" }).waitFor()])),
  );
  const winners = [one, two].filter((p) => p.url().includes("/console/c/"));
  expect(winners).toHaveLength(1);
  const loser = winners[0] === one ? two : one;
  await expect(loser.getByTestId(`queue-item-${pseudonym}`)).toHaveCount(0);
  await expect(winners[0]!.getByRole("heading", { name: pseudonym })).toBeVisible();
  await one.context().close();
  await two.context().close();
});

test("youth and counselor talk through LINE, the supervisor watches live, and closing needs the record", async ({ browser, request }) => {
  const counselor = await staffPage(browser, "counselor1");
  const supervisor = await staffPage(browser, "supervisor");
  const before = await queuePseudonyms(counselor);
  const youth = await youthWrites(request, "家に帰りたくない <b>たすけて</b>");
  const pseudonym = await newestPseudonym(counselor, before);

  // The supervisor's dashboard shows the new waiting consultation without reloading.
  await supervisor.goto("/supervisor");
  await expect(supervisor.getByTestId(`live-${pseudonym}`)).toBeVisible();

  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
  const messages = counselor.getByTestId("messages");
  // Markup a youth types is shown as text, never rendered.
  await expect(messages).toContainText("<b>たすけて</b>");
  await expect(messages.locator("b")).toHaveCount(0);
  await expect(supervisor.getByTestId(`live-${pseudonym}`)).toContainText("相談 一郎");

  const reply = counselor.getByLabel(/返信/);
  await reply.fill("話してくれてありがとう。");
  await reply.press("Shift+Enter");
  await reply.pressSequentially("いまはどこにいますか？");
  await expect(counselor.getByText("文字数 24 / 2000")).toBeVisible();
  await reply.press("Enter");
  await expect(messages.locator("li[data-sender=counselor]").last()).toContainText("いまはどこにいますか？");
  await expect(messages.locator("li[data-sender=counselor]").last().getByTestId("delivery")).toHaveText("送信済み");
  await expect.poll(() => timelineText(request, youth)).toContain("いまはどこにいますか？");

  // The supervisor opens the conversation read-only and sees the youth's answer arrive live.
  await supervisor.getByTestId(`live-${pseudonym}`).getByRole("link", { name: "見る" }).click();
  await expect(supervisor.getByText("閲覧のみ（担当者ではありません）")).toBeVisible();
  await expect(supervisor.getByLabel(/返信/)).toHaveCount(0);
  await write(request, youth, "公園にいます");
  await expect(supervisor.getByTestId("messages")).toContainText("公園にいます");
  await expect(messages).toContainText("公園にいます");

  // Closing without the record is refused, field by field, in Japanese.
  await counselor.getByRole("button", { name: "記録して終了する" }).click();
  for (const error of ["年代を選んでください。", "性別を選んでください。", "相談内容の分類を1つ以上選んでください。", "相談内容の要約を入力してください。", "対応内容の要約を入力してください。", "対応結果を選んでください。"]) {
    await expect(counselor.getByText(error)).toBeVisible();
  }
  await expect(counselor).toHaveURL(/\/console\/c\//);

  // Completed, it closes and leaves the supervisor's live list.
  await counselor.getByLabel("年代").selectOption({ label: "中学生" });
  await counselor.getByLabel("性別").selectOption({ label: "不明・答えない" });
  await counselor.getByLabel("家族").check();
  await counselor.getByLabel("相談内容の要約").fill("家に帰りたくないと訴え。");
  await counselor.getByLabel("対応内容の要約").fill("安全を確認し、話を聴いた。");
  await counselor.getByLabel("対応結果").selectOption({ label: "傾聴・助言" });
  await counselor.getByRole("button", { name: "記録して終了する" }).click();
  await counselor.waitForURL(/\/console$/);
  await supervisor.goto("/supervisor");
  await expect(supervisor.getByTestId(`live-${pseudonym}`)).toHaveCount(0);
  await counselor.context().close();
  await supervisor.context().close();
});
