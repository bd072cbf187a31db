import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort, secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { closeSecureChat, newYouthOnPhone, openSecureChat, signIn } from "./helpers";

/**
 * Issue 16: after a counselor closes a consultation with its record, the youth is asked the survey
 * once (quick replies in line mode, a form in the secure chat), and the city reads the answers and
 * the record's 相談者の属性 in the monthly report.
 */

/** This JST month, "YYYY-MM": the demo's clock is real time. */
const thisMonth = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" }).format(new Date());

async function staffPage(browser: Browser, baseURL: string, loginId: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, loginId);
  return page;
}

/** A count in one of the report's tables: the row's first figure. */
async function figure(page: Page, table: string, row: string): Promise<number> {
  const cell = page.getByTestId(`table-${table}`).getByRole("row").filter({ has: page.getByRole("rowheader", { name: row, exact: true }) }).getByRole("cell").first();
  return Number(await cell.textContent());
}

async function reportFigures(city: Page) {
  await city.goto(`/reports/monthly?month=${thisMonth}`);
  return {
    parents: await figure(city, "byRequester", "保護者"),
    veryGood: await figure(city, "surveySatisfaction", "とてもよかった"),
    responses: await figure(city, "surveySatisfaction", "回答数"),
    again: await figure(city, "surveyAgain", "はい"),
    connected: await figure(city, "byAction", "他機関につないだ"),
  };
}

/** Claims the newest waiting consultation and closes it with a record saying a parent consulted. */
async function claimAndClose(counselor: Page, before: number) {
  await counselor.goto("/console");
  const queue = counselor.getByTestId("queue").locator("li");
  await expect(queue).toHaveCount(before + 1);
  const pseudonym = (await queue.last().locator("span.font-semibold").textContent())!;
  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
  await counselor.getByLabel("年代").selectOption({ label: "高校生世代" });
  await counselor.getByLabel("性別").selectOption({ label: "女性" });
  await counselor.getByRole("group", { name: "相談内容の分類" }).getByLabel("メンタル不調").check();
  await counselor.getByLabel("相談者の属性").selectOption({ label: "保護者" });
  // The youth's first consultation: derived as 新規, for the counselor to confirm.
  await expect(counselor.getByLabel("新規・継続")).toHaveValue("new");
  const actions = counselor.getByRole("group", { name: "対応の内容（複数可）" });
  await actions.getByLabel("傾聴・助言").check();
  await actions.getByLabel("他機関につないだ").check();
  await counselor.getByLabel("相談内容の要約").fill("子どもの不安について保護者から相談。");
  await counselor.getByLabel("対応内容の要約").fill("話を聴き、相談先を伝えた。");
  await counselor.getByLabel("対応結果").selectOption({ label: "傾聴・助言" });
  await counselor.getByRole("button", { name: "記録して終了する" }).click();
  await counselor.waitForURL(/\/console$/);
}

test.describe("line mode", () => {
  const emulator = `http://127.0.0.1:${emulatorPort}`;

  test("the youth answers the survey by quick replies after the counselor closes, once, and the city counts it", async ({ page, browser, baseURL }) => {
    const city = await staffPage(browser, baseURL!, "city");
    const before = await reportFigures(city);
    const counselor = await staffPage(browser, baseURL!, "counselor1");
    await counselor.goto("/console");
    const waiting = await counselor.getByTestId("queue").locator("li").count();

    await newYouthOnPhone(page, emulator);
    await page.getByLabel("メッセージ").fill("子どものことで相談です");
    await page.getByRole("button", { name: "送信" }).click();
    const talk = page.getByRole("log", { name: "トーク" });
    await expect(talk.locator(".row.bot").last()).toContainText("あなたの年代を教えてください");

    await claimAndClose(counselor, waiting);
    await expect(talk.locator(".row.bot").last()).toContainText("相談してよかったですか", { timeout: 20_000 });
    const quick = page.getByRole("group", { name: "クイックリプライ" });
    await expect(quick.getByRole("button")).toHaveText(["とてもよかった", "よかった", "どちらともいえない", "あまりよくなかった", "よくなかった", "答えない"]);
    await quick.getByRole("button", { name: "とてもよかった", exact: true }).click();
    await expect(talk.locator(".row.bot").last()).toContainText("また相談したいと思いますか");
    await quick.getByRole("button", { name: "はい", exact: true }).click();
    await expect(talk.locator(".row.bot").last()).toContainText("アンケートに答えてくれてありがとう");

    await expect(async () => {
      const after = await reportFigures(city);
      expect(after).toEqual({ parents: before.parents + 1, veryGood: before.veryGood + 1, responses: before.responses + 1, again: before.again + 1, connected: before.connected + 1 });
    }).toPass({ timeout: 15_000 });
    await expect(city.getByRole("heading", { name: "利用者アンケート：相談してよかったか（割合は回答数に対する割合）" })).toBeVisible();
    // The same figures in the CSV download.
    const csv = await (await city.request.get(`/api/reports/export?kind=monthly&period=${thisMonth}&format=csv`)).text();
    expect(csv).toContain(`回答数,${before.responses + 1},100`);
    await counselor.context().close();
    await city.context().close();
  });
});

test.describe("secure mode", () => {
  test.use({ baseURL: secureBaseURL });
  const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

  test("the youth answers the survey in the secure chat after the counselor closes; a second answer is not taken", async ({ page, browser }) => {
    const city = await staffPage(browser, secureBaseURL, "city");
    const before = await reportFigures(city);
    const counselor = await staffPage(browser, secureBaseURL, "counselor1");
    await counselor.goto("/console");
    const waiting = await counselor.getByTestId("queue").locator("li").count();

    await newYouthOnPhone(page, emulator);
    const chat = await openSecureChat(page);
    await chat.getByLabel("メッセージ").fill("子どもが学校に行けていません");
    await chat.getByRole("button", { name: "送信" }).click();
    await closeSecureChat(page);

    await claimAndClose(counselor, waiting);
    await page.getByRole("region", { name: "リッチメニュー" }).getByRole("button", { name: "相談する" }).click();
    const frame = page.frameLocator("#browser-frame");
    const survey = frame.getByRole("form", { name: "アンケート" });
    await expect(survey).toBeVisible();
    await survey.getByRole("group", { name: /相談してよかったですか/ }).getByLabel("とてもよかった").check();
    await survey.getByRole("group", { name: /また相談したいと思いますか/ }).getByLabel("はい").check();
    await survey.getByLabel(/ひとことあれば/).fill("話せてよかったです");
    await survey.getByRole("button", { name: "送る" }).click();
    await expect(frame.getByTestId("survey-thanks")).toContainText("アンケートに答えてくれてありがとう");

    // Answered once: the same youth posting again is thanked, and nothing more is counted.
    const again = await page.frameLocator("#browser-frame").locator("body").evaluate(async () => {
      const response = await fetch("/api/liff/survey", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ answers: { satisfaction: "very_bad" } }) });
      return { status: response.status, body: (await response.json()) as { thanks?: string } };
    });
    expect(again.status).toBe(200);
    expect(again.body.thanks).toContain("ありがとう");

    await expect(async () => {
      const after = await reportFigures(city);
      expect(after).toEqual({ parents: before.parents + 1, veryGood: before.veryGood + 1, responses: before.responses + 1, again: before.again + 1, connected: before.connected + 1 });
    }).toPass({ timeout: 15_000 });
    await counselor.context().close();
    await city.context().close();
  });
});
