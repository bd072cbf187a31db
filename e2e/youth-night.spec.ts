import type { Browser, FrameLocator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort, lineBaseURL, secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { newYouthOnPhone, openSecureChat, signIn } from "./helpers";

/**
 * Issue 17, the youth's side of a night shift, on both demos: the place in the queue and its estimate
 * (updated live in the secure chat, on request in the LINE talk), the busy and self-help notes, the
 * closing message, the ended conversation kept readable, and line mode's menu. The demo's schedule has
 * no session now, so each test opens today (Tokyo) for the whole day and removes the opening after.
 * Every step the youth sees is attached as a screenshot of their phone.
 */
const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const openingName = `臨時開設 ${today}（夜間の確認）`;
// Three phones or staff pages and a counselor's close each: longer than the default minute under load.
test.describe.configure({ timeout: 180_000 });

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

async function staffPage(browser: Browser, baseURL: string, loginId: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, loginId);
  return page;
}

/** Opens today for the whole day, and sets the busy notice from 5 minutes with the self-help text on. */
async function prepareNight(admin: Page) {
  await admin.goto("/admin/schedule");
  const openingForm = admin.getByRole("form", { name: "臨時開設を追加" });
  await openingForm.getByLabel("日付").fill(today);
  await openingForm.getByLabel("時間帯 1つ目の開始").fill("00:00");
  await openingForm.getByLabel("時間帯 1つ目の終了").fill("24:00");
  await openingForm.getByLabel("理由").fill("夜間の確認");
  await openingForm.getByRole("button", { name: "臨時開設を追加する" }).click();
  await expect(openingForm.getByRole("status")).toHaveText("追加しました。");
  await setWaiting(admin, "5", true);
}

async function setWaiting(admin: Page, threshold: string, selfHelp: boolean) {
  await admin.goto("/admin/schedule#templates");
  const form = admin.getByRole("region", { name: "待っている人へのお知らせ" });
  await form.getByLabel("混んでいるお知らせを出す待ち時間の目安（分）").fill(threshold);
  await form.getByLabel("順番のお知らせに「待っているあいだに読めるひとこと」を添える").setChecked(selfHelp);
  await form.getByRole("button", { name: "お知らせの設定を保存する" }).click();
  await expect(form.getByRole("status")).toHaveText("保存しました。");
}

async function restoreNight(admin: Page) {
  await setWaiting(admin, "60", false);
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `${openingName} を削除` }).click();
  await expect(admin.getByTestId("exception-status")).toHaveText("削除しました。");
}

/** Fills the record and closes the consultation open in the counselor's page. */
async function closeWithRecord(counselor: Page) {
  await counselor.getByLabel("年代").selectOption({ label: "中学生" });
  await counselor.getByLabel("性別").selectOption({ label: "不明・答えない" });
  await counselor.getByLabel("家族").check();
  await counselor.getByLabel("相談内容の要約").fill("話を聴いた。");
  await counselor.getByLabel("対応内容の要約").fill("傾聴した。");
  await counselor.getByLabel("対応結果").selectOption({ label: "傾聴・助言" });
  await counselor.getByRole("button", { name: "記録して終了する" }).click();
  await counselor.waitForURL(/\/console$/);
}

async function claimAt(counselor: Page, index: number) {
  await counselor.goto("/console");
  const row = counselor.getByTestId("queue").locator("li").nth(index);
  const pseudonym = (await row.locator("span.font-semibold").textContent())!;
  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
}

test.describe("line mode: the youth waits, checks the queue, is told when it ends, and starts again", () => {
  const emulator = `http://127.0.0.1:${emulatorPort}`;

  test("相談する starts in the talk; 順番を確認 answers; the close is announced; the next message opens a new consultation", async ({ page, browser }, testInfo) => {
    const admin = await staffPage(browser, lineBaseURL, "admin");
    await prepareNight(admin);
    try {
      const counselor = await staffPage(browser, lineBaseURL, "counselor1");
      await counselor.goto("/console");
      const before = await counselor.getByTestId("queue").locator("li").count();
      const talk = page.getByRole("log", { name: "トーク" });
      const bot = talk.locator(".row.bot");
      const menu = page.getByRole("region", { name: "リッチメニュー" });
      const quick = page.getByRole("group", { name: "クイックリプライ" });

      await newYouthOnPhone(page, emulator);
      await expect(bot.first()).toContainText("友だち追加ありがとうございます");
      // 相談時間 lists the coming sessions from the schedule: today's opening first.
      await menu.getByRole("button", { name: "相談時間" }).click();
      await expect(bot.last()).toContainText("相談時間はこちらです");
      await expect(bot.last()).toContainText("0:00〜24:00");

      // 相談する: the greeting, the queue notice (busy, with the self-help text), then the intake's question.
      await menu.getByRole("button", { name: "相談する" }).click();
      await expect(bot.last()).toContainText("あなたの年代を教えてください");
      await expect(talk).toContainText("相談を始めます。はじめに、いくつか教えてください。");
      await expect(bot.nth(-2)).toContainText(/次はあなたの番です|あなたの順番は \d+ 番目/);
      await expect(bot.nth(-2)).toContainText("いま、相談がとても混んでいます");
      await expect(bot.nth(-2)).toContainText("ゆっくり息をすって");
      await shoot(page, testInfo, "line-1-consult-started");

      // Pressed again while waiting: where they stand, with 順番を確認 under it.
      await menu.getByRole("button", { name: "相談する" }).click();
      await expect(quick.getByRole("button", { name: "順番を確認" })).toBeVisible();
      await quick.getByRole("button", { name: "順番を確認" }).click();
      await expect(talk.locator(".row.user").last()).toContainText("順番を確認");
      await expect(bot.last()).toContainText(/次はあなたの番です|あなたの順番は \d+ 番目/);
      await expect(bot.last()).toContainText("待ち時間の目安は 約");
      await shoot(page, testInfo, "line-2-queue-checked");

      // A counselor takes it: 順番を確認 now says a counselor is with them.
      await claimAt(counselor, before);
      await quick.getByRole("button", { name: "順番を確認" }).click();
      await expect(bot.last()).toHaveText(/相談員があなたの相談を担当しています/);

      // Closed with the record: the youth is told in the talk.
      await closeWithRecord(counselor);
      // The closing message, then the survey's invitation (its own push).
      await expect(bot.filter({ hasText: "相談を終了しました。また話したくなったら、いつでも送ってください。" })).toHaveCount(1, { timeout: 20_000 });
      await shoot(page, testInfo, "line-3-closed");

      // The next message opens a new consultation: the in-hours notice and the intake again, never 相談時間外.
      await page.getByLabel("メッセージ").fill("また話したいです");
      await page.getByRole("button", { name: "送信" }).click();
      await expect(bot.last()).toContainText("あなたの年代を教えてください");
      await expect(bot.nth(-2)).toContainText(/次はあなたの番です|あなたの順番は \d+ 番目/);
      await expect(talk).not.toContainText("相談時間外");
      await shoot(page, testInfo, "line-4-new-consultation");
      await counselor.goto("/console");
      await expect(counselor.getByTestId("queue").locator("li")).toHaveCount(before + 1);
      await counselor.context().close();
    } finally {
      await restoreNight(admin);
      await admin.context().close();
    }
  });
});

test.describe("secure mode: the place updates live, and an ended conversation stays readable", () => {
  test.use({ baseURL: secureBaseURL });
  const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

  test("the queue status follows the queue live; the close shows the closing message read-only with 新しく相談する, also after reopening", async ({ page, browser }, testInfo) => {
    const admin = await staffPage(browser, secureBaseURL, "admin");
    await prepareNight(admin);
    try {
      const counselor = await staffPage(browser, secureBaseURL, "counselor1");
      await counselor.goto("/console");
      const before = await counselor.getByTestId("queue").locator("li").count();

      await newYouthOnPhone(page, emulator);
      const first = await openSecureChat(page);
      await first.getByLabel("メッセージ").fill("話を聞いてほしいです");
      await first.getByRole("button", { name: "送信する" }).click();
      const firstStatus = first.getByTestId("queue-status");
      await expect(firstStatus).toContainText(/次はあなたの番です|あなたの順番は \d+ 番目/);
      await expect(firstStatus).toContainText("いま、相談がとても混んでいます");
      await shoot(page, testInfo, "secure-1-waiting");

      // A second youth waits behind; when the first is taken, the second's place moves up without a reload.
      const secondPhone = await (await browser.newContext()).newPage();
      await newYouthOnPhone(secondPhone, emulator);
      const second: FrameLocator = await openSecureChat(secondPhone);
      await second.getByLabel("メッセージ").fill("わたしも相談したい");
      await second.getByRole("button", { name: "送信する" }).click();
      const secondStatus = second.getByTestId("queue-status");
      await expect(secondStatus).toContainText(/あなたの順番は \d+ 番目/);
      const waitingText = (await secondStatus.textContent())!;
      const place = Number(/あなたの順番は (\d+) 番目/.exec(waitingText)![1]);
      await shoot(secondPhone, testInfo, "secure-2-second-waiting");
      await claimAt(counselor, before);
      await expect(secondStatus).toContainText(place === 2 ? "次はあなたの番です" : `あなたの順番は ${place - 1} 番目`);
      await shoot(secondPhone, testInfo, "secure-3-second-moved-up");
      // The first youth, now with a counselor, has no queue line.
      await expect(firstStatus).toHaveCount(0);

      // The counselor closes: the conversation stays, read-only, ending with the closing message.
      await closeWithRecord(counselor);
      const log = first.getByRole("log", { name: "相談のやりとり" });
      await expect(log.locator("li[data-sender=system]").last()).toContainText("相談を終了しました。また話したくなったら、いつでも送ってください。");
      await expect(log).toContainText("話を聞いてほしいです");
      await expect(first.getByLabel("メッセージ")).toHaveCount(0);
      await expect(first.getByRole("button", { name: "相談を終える" })).toHaveCount(0);
      await shoot(page, testInfo, "secure-4-ended");

      // Reopened from the menu: the ended conversation, not a blank intake; then a new consultation starts with its intake.
      await page.getByRole("dialog").getByRole("button", { name: "閉じる" }).click();
      await page.getByRole("region", { name: "リッチメニュー" }).getByRole("button", { name: "相談する" }).click();
      const reopened = page.frameLocator("#browser-frame");
      // The survey comes first, once; skipped, the conversation that just ended shows read-only.
      await reopened.getByRole("button", { name: "答えない" }).click();
      await reopened.getByRole("button", { name: "新しく相談する" }).click();
      await expect(reopened.getByRole("log", { name: "相談のやりとり" })).toContainText("相談を終了しました。");
      await expect(reopened.getByText("この相談は終わりました。下のボタンから新しく相談できます。")).toBeVisible();
      await shoot(page, testInfo, "secure-5-reopened");
      await reopened.getByRole("button", { name: "新しく相談する" }).click();
      await expect(reopened.getByRole("form", { name: "はじめに教えてください" })).toBeVisible();
      await secondPhone.context().close();
      await counselor.context().close();
    } finally {
      await restoreNight(admin);
      await admin.context().close();
    }
  });
});
