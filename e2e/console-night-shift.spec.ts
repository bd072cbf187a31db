import { createRequire } from "node:module";
import type { APIRequestContext, Browser, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;
/** The counselor's laptop. */
const laptop = { width: 1366, height: 768 };

test.use({ viewport: laptop });

async function newYouth(request: APIRequestContext): Promise<string> {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  return userId;
}

async function write(request: APIRequestContext, userId: string, text: string) {
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } })).ok()).toBe(true);
}

async function timelineText(request: APIRequestContext, userId: string): Promise<string> {
  return JSON.stringify(await (await request.get(`${emulator}/_emulator/users/${userId}/timeline`)).json());
}

async function staffPage(browser: Browser, loginId: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: laptop })).newPage();
  await signIn(page, loginId);
  return page;
}

/** The youth's first message opens a waiting consultation; the counselor takes the newest one from the queue. */
async function claimNewest(page: Page, request: APIRequestContext, firstText: string): Promise<{ youth: string; pseudonym: string; url: string }> {
  await page.goto("/console");
  const before = await page.getByTestId("queue").locator("li").count();
  const youth = await newYouth(request);
  await write(request, youth, firstText);
  await page.goto("/console");
  const items = page.getByTestId("queue").locator("li");
  await expect(items).toHaveCount(before + 1);
  const pseudonym = (await items.last().locator("span.font-semibold").textContent())!;
  await page.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await page.waitForURL(/\/console\/c\//);
  return { youth, pseudonym, url: page.url() };
}

/**
 * Closes it with its record, so the counselor stays under their limit and the queue is as the specs
 * after this one expect it (nothing left waiting).
 */
async function closeWithRecord(page: Page) {
  await page.getByLabel("年代").selectOption({ label: "中学生" });
  await page.getByLabel("性別").selectOption({ label: "不明・答えない" });
  await page.getByLabel("家族").check();
  await page.getByLabel("相談内容の要約").fill("眠れないと訴え。");
  await page.getByLabel("対応内容の要約").fill("話を聴いた。");
  await page.getByLabel("対応結果").selectOption({ label: "傾聴・助言" });
  await page.getByRole("button", { name: "記録して終了する" }).click();
  await page.waitForURL(/\/console$/);
}

async function expectAxeClean(page: Page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  // Each violation with the elements it found, so a failure says where.
  const violations = await page.evaluate(async () =>
    (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  );
  expect(violations).toEqual([]);
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

test("a long conversation opens at the newest message, the reply box and record form stay on the laptop's screen, and a new message offers a jump", async ({ browser, request }, testInfo) => {
  const counselor = await staffPage(browser, "counselor1");
  const { youth } = await claimNewest(counselor, request, "はなしをきいてほしい 1");
  for (let i = 2; i <= 30; i++) await write(request, youth, `はなしをきいてほしい ${i}`);
  await counselor.reload();
  const messages = counselor.getByTestId("messages").locator("li");
  await expect(messages).toHaveCount(30);

  // Opens at the newest; the reply box, its send button and the record form are on screen without scrolling the page.
  await expect(messages.last()).toBeInViewport();
  await expect(messages.first()).not.toBeInViewport();
  const reply = counselor.getByLabel(/返信/);
  await expect(reply).toBeInViewport();
  await expect(counselor.getByRole("button", { name: "送信" })).toBeInViewport();
  await expect(counselor.getByRole("heading", { name: "相談記録（終了時に必須）" })).toBeInViewport();
  expect(await counselor.evaluate(() => window.scrollY)).toBe(0);
  const box = (await reply.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(laptop.height);
  await snap(counselor, testInfo, "counselor laptop: long conversation opens at the newest message");
  await expectAxeClean(counselor);

  // Scrolled up with the keyboard to reread, a new message does not yank the list: a button offers the jump.
  await counselor.getByRole("region", { name: "会話" }).focus();
  await counselor.keyboard.press("Home");
  await expect(messages.first()).toBeInViewport();
  await write(request, youth, "いまも見てる？");
  const jump = counselor.getByRole("button", { name: /新着メッセージ/ });
  await expect(jump).toBeVisible();
  await expect(messages.last()).toContainText("いまも見てる？");
  await expect(messages.last()).not.toBeInViewport();
  await snap(counselor, testInfo, "counselor laptop: 新着メッセージ while scrolled up");
  await expectAxeClean(counselor);
  await jump.focus();
  await counselor.keyboard.press("Enter");
  await expect(messages.last()).toBeInViewport();
  await expect(jump).toHaveCount(0);

  // At the bottom, the next message scrolls into view by itself.
  await write(request, youth, "よかった");
  await expect(messages.last()).toContainText("よかった");
  await expect(messages.last()).toBeInViewport();
  await expect(jump).toHaveCount(0);
  await closeWithRecord(counselor);
  await counselor.context().close();
});

test("a 定型文 fills in the counselor's name, and a reply with a blank left in it asks before it goes to the youth", async ({ browser, request }, testInfo) => {
  const admin = await staffPage(browser, "admin");
  await admin.goto("/admin/canned");
  const fields = admin.getByTestId("canned-fields");
  await expect(fields).toContainText("{相談員名}");
  await expect(fields).toContainText("{今日の終了時刻}");
  await snap(admin, testInfo, "admin laptop: the fields a 定型文 may use");
  await expectAxeClean(admin);
  await admin.context().close();

  const counselor = await staffPage(browser, "counselor1");
  const { youth } = await claimNewest(counselor, request, "こんばんは");
  await counselor.getByText("定型文", { exact: true }).click();
  await counselor.getByRole("button", { name: "はじめのあいさつ 挿入" }).click();
  const reply = counselor.getByLabel(/返信/);
  await expect(reply).toHaveValue(/相談員の相談 一郎です。/);
  await expect(reply).not.toHaveValue(/〇〇|\{/);
  await expect(reply).toBeFocused();

  // A blank typed by hand (or left in an old 定型文) stops the send: 直す keeps the text and goes back to it.
  await reply.press("Shift+Enter");
  await reply.pressSequentially("〇〇さん、待っててね");
  await reply.press("Enter");
  const confirm = counselor.getByRole("alertdialog", { name: "まだ埋まっていない所があります" });
  await expect(confirm).toContainText("「〇〇」が残っています");
  await expect(confirm.getByRole("button", { name: "直す" })).toBeFocused();
  await snap(counselor, testInfo, "counselor laptop: blank left in the reply");
  await expectAxeClean(counselor);
  await counselor.keyboard.press("Enter");
  await expect(confirm).toHaveCount(0);
  await expect(reply).toBeFocused();
  await expect(reply).toHaveValue(/〇〇さん、待っててね/);
  expect(await timelineText(request, youth)).not.toContain("待っててね");

  // Fixed, it goes at once.
  await reply.fill(`相談員の相談 一郎です。ゆっくりで大丈夫です。`);
  await reply.press("Enter");
  await expect.poll(() => timelineText(request, youth)).toContain("相談員の相談 一郎です。ゆっくりで大丈夫です。");
  await expect(reply).toHaveValue("");
  expect(await timelineText(request, youth)).not.toContain("〇〇");

  // The counselor may still send it as it is, on purpose, with the keyboard.
  await reply.fill("＊＊のことを教えてくれる？");
  await reply.press("Enter");
  await expect(confirm).toBeVisible();
  await counselor.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "このまま送る" })).toBeFocused();
  await counselor.keyboard.press("Enter");
  await expect.poll(() => timelineText(request, youth)).toContain("＊＊のことを教えてくれる？");
  await closeWithRecord(counselor);
  await counselor.context().close();
});

test("an over-long reply is kept and refused with a live counter, and a draft survives a reload until it is sent, and not a sign-out", async ({ browser, request }, testInfo) => {
  const counselor = await staffPage(browser, "counselor2");
  const { youth, url } = await claimNewest(counselor, request, "ながい話になるかも");
  const reply = counselor.getByLabel(/返信/);
  const long = "あ".repeat(2100);
  await reply.fill(long);
  // Nothing is cut: all 2,100 characters are still there, and the counter says how many to remove.
  await expect(reply).toHaveValue(long);
  await expect(counselor.getByTestId("reply-length")).toHaveText("文字数 2100 / 2000");
  await expect(counselor.getByText("長すぎて送れません。あと100文字減らしてください")).toBeVisible();
  await expect(counselor.getByRole("button", { name: "送信" })).toBeDisabled();
  await reply.press("Enter");
  await snap(counselor, testInfo, "counselor laptop: over-long reply refused");
  await expectAxeClean(counselor);
  await reply.press("Backspace");
  await expect(counselor.getByTestId("reply-length")).toHaveText("文字数 2099 / 2000");
  expect(await timelineText(request, youth)).not.toContain("ああああ");

  // A half-typed reply survives a reload...
  await reply.fill("明日もここで待っています。");
  await counselor.reload();
  await expect(reply).toHaveValue("明日もここで待っています。");
  await expect(counselor.getByText("前に書きかけた返信を戻しました。")).toBeVisible();

  // Sent, it is gone from the browser.
  await reply.press("Enter");
  await expect.poll(() => timelineText(request, youth)).toContain("明日もここで待っています。");
  await expect(reply).toHaveValue("");
  await counselor.reload();
  await expect(reply).toHaveValue("");

  // An explicit sign-out (the PC may go to someone else) takes every draft in this browser with it.
  await reply.fill("また書きかけ");
  await signOut(counselor);
  await signIn(counselor, "counselor2");
  await counselor.goto(url);
  await expect(reply).toHaveValue("");
  await closeWithRecord(counselor);
  await counselor.context().close();
});

test("the idle sign-out warns two minutes before, a keystroke keeps the session, and after it the counselor is told why and returned with the draft", async ({ browser, request }, testInfo) => {
  const context = await browser.newContext({ viewport: laptop });
  const counselor = await context.newPage();
  await counselor.clock.install();
  await signIn(counselor, "counselor1");
  const { url } = await claimNewest(counselor, request, "ねむれない");
  const reply = counselor.getByLabel(/返信/);
  await reply.fill("眠れないんだね。");

  // The demo signs out after 30 idle minutes; the warning comes two minutes before the page does.
  const warning = counselor.getByRole("alertdialog", { name: "まもなく自動でサインアウトします" });
  await counselor.clock.fastForward("26:00");
  await expect(warning).toHaveCount(0);
  await counselor.clock.fastForward("01:30");
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("button", { name: "続ける" })).toBeFocused();
  await snap(counselor, testInfo, "counselor laptop: idle warning");
  await expectAxeClean(counselor);
  await counselor.keyboard.press("Shift");
  await expect(warning).toHaveCount(0);

  // Left alone this time: signed out, the sign-in page says why (not 再接続しています).
  await counselor.clock.fastForward("30:00");
  await counselor.waitForURL(/\/signin\?reason=idle/);
  await expect(counselor.getByText("一定時間操作がなかったため、サインアウトしました。")).toBeVisible();
  await expect(counselor.getByText("再接続しています")).toHaveCount(0);
  await snap(counselor, testInfo, "counselor laptop: signed out for inactivity");

  // Signing in returns to the consultation, with the half-typed reply.
  await counselor.getByLabel("ログインID").fill("counselor1");
  await counselor.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await counselor.getByLabel("パスワード").press("Enter");
  await counselor.waitForURL(url);
  await expect(reply).toHaveValue("眠れないんだね。");
  await closeWithRecord(counselor);
  await context.close();
});

test("only the old holder a supervisor reassigned a consultation away from is told who holds it, live; a stranger gets the plain refusal", async ({ browser, request }, testInfo) => {
  const first = await staffPage(browser, "counselor1");
  const second = await staffPage(browser, "counselor2");
  const supervisor = await staffPage(browser, "supervisor");
  const { url, pseudonym } = await claimNewest(first, request, "だれかいますか");

  // A counselor who never held it opens its address: the plain refusal, not who holds it.
  await second.goto(url);
  await expect(second.getByTestId("refused")).toHaveCount(0);
  await expect(second.locator("body")).not.toContainText("相談 一郎");
  await expect(second.locator("body")).not.toContainText("だれかいますか");
  await expect(second.locator("body")).not.toContainText(pseudonym);

  // The supervisor reassigns it; the old holder's open page says so at the live event, without a reload.
  await expect(first.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");
  await supervisor.goto(url);
  await supervisor.getByLabel(/引き継ぎ先/).selectOption({ label: "相談 二美" });
  await supervisor.getByRole("button", { name: "引き継ぐ" }).click();
  await expect(supervisor.getByTestId("holder")).toContainText("相談 二美");
  await expect(first.getByTestId("refused")).toContainText("この相談は、いま 相談 二美 さんが担当しています。");
  await expect(first.getByLabel(/返信/)).toHaveCount(0);
  await expect(first.getByTestId("refused")).not.toContainText("だれかいますか");
  await expect(first.getByTestId("refused")).not.toContainText(pseudonym);
  await snap(first, testInfo, "counselor laptop: reassigned by the supervisor");
  await expectAxeClean(first);
  await first.reload();
  await expect(first.getByTestId("refused")).toContainText("相談 二美");

  await second.goto(url);
  await closeWithRecord(second);
  await first.context().close();
  await second.context().close();
  await supervisor.context().close();
});

test("the supervisor sees the live list first, deadlines as one line to open, and waiting time only for the waiting", async ({ browser, request }, testInfo) => {
  const counselor = await staffPage(browser, "counselor1");
  const held = await claimNewest(counselor, request, "話せますか");
  const waitingYouth = await newYouth(request);
  await write(request, waitingYouth, "まだ誰もいない？");

  const supervisor = await staffPage(browser, "supervisor");
  await supervisor.goto("/supervisor");
  const live = supervisor.getByRole("heading", { name: /対応中・待機中の相談/ });
  const deadlines = supervisor.getByTestId("deadlines-summary");
  await expect(live).toBeInViewport();
  expect((await live.boundingBox())!.y).toBeLessThan((await deadlines.boundingBox())!.y);
  await expect(deadlines.locator("summary")).toHaveText(/^報告期限：/);
  await expect(supervisor.getByTestId("report-deadlines")).toBeHidden();

  const heldRow = supervisor.getByTestId(`live-${held.pseudonym}`);
  await expect(heldRow.getByTestId("waiting-time")).toHaveText("対応中");
  const waitingRow = supervisor.getByTestId("live-consultations").locator("tr").filter({ hasText: "未担当（待機中）" }).first();
  await expect(waitingRow.getByTestId("waiting-time")).toHaveText(/^\d+分$/);
  await snap(supervisor, testInfo, "supervisor laptop: live list first");
  await expectAxeClean(supervisor);

  // Opened with the keyboard, every deadline is there.
  await deadlines.locator("summary").focus();
  await supervisor.keyboard.press("Enter");
  await expect(supervisor.getByTestId("report-deadlines")).toBeVisible();
  await closeWithRecord(counselor);
  const waitingPseudonym = (await waitingRow.locator("td").first().textContent())!.replace(/（.*$/, "");
  await counselor.goto("/console");
  await counselor.getByRole("button", { name: `${waitingPseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
  await closeWithRecord(counselor);
  await counselor.context().close();
  await supervisor.context().close();
});
