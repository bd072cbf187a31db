import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { lineBaseURL, secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { completeIntake, newYouthOnPhone, openSecureChat, signIn } from "./helpers";

// The demo in CHAT_MODE=secure, with its own emulator.
test.use({ baseURL: secureBaseURL });
const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

async function counselorConsole(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "counselor1");
  await page.goto("/console");
  return page;
}

test("a youth opens the secure chat from the rich menu, answers the intake, writes, and reads the counselor's reply live", async ({ page, browser }) => {
  const counselor = await counselorConsole(browser);
  const queue = counselor.getByTestId("queue").locator("li");
  const before = await queue.count();

  // The LIFF page in the phone's in-app browser: signed in with the ID token the emulator handed over.
  await newYouthOnPhone(page, emulator);
  const chat = await openSecureChat(page, { intake: false });

  // The intake comes first; missing answers are named in Japanese and nothing is stored.
  const intake = chat.getByRole("form", { name: "はじめに教えてください" });
  await intake.getByRole("button", { name: "相談をはじめる" }).click();
  for (const error of ["年代を選んでください。", "相談したいことを1つ以上選んでください。", "「相談のやくそく」を読んで、チェックを入れてください。"]) {
    await expect(intake.getByText(error)).toBeVisible();
  }
  await expect(intake.getByText("命やからだがあぶないとき", { exact: false })).toBeVisible();
  await counselor.reload();
  await expect(queue).toHaveCount(before);
  await completeIntake(chat);
  const log = chat.getByRole("log", { name: "相談のやりとり" });
  // The consultation opened with the intake: the automatic reply (hours or queue place) is already there.
  await expect(log.locator("li[data-sender=system]")).toHaveCount(1);

  const box = chat.getByLabel("メッセージ");
  // Over the limit: refused in the page, kept in the box, said in Japanese.
  await box.fill("あ".repeat(1001));
  await expect(chat.getByText("1001 / 1000 文字")).toBeVisible();
  await chat.getByRole("button", { name: "送信する" }).click();
  await expect(chat.getByRole("alert").filter({ hasText: "メッセージは 1000 文字までです。短くしてください。" })).toBeVisible();
  await expect(box).toHaveValue("あ".repeat(1001));
  await box.fill("セキュアチャットで相談したいです <b>たすけて</b>");
  await expect(chat.getByText("28 / 1000 文字")).toBeVisible();
  await chat.getByRole("button", { name: "送信する" }).click();
  await expect(log.locator("li[data-sender=youth]")).toHaveText(/セキュアチャットで相談したいです <b>たすけて<\/b>/);
  await expect(log.locator("b")).toHaveCount(0);
  await expect(box).toHaveValue("");

  // The message and the intake answers are on a consultation in the counselors' queue.
  await counselor.reload();
  await expect(queue).toHaveCount(before + 1);
  await expect(queue.last()).toContainText("年代: 中学生 / 性別: 答えたくない / 相談内容: いじめ・友だちのこと");
  const pseudonym = (await queue.last().locator("span.font-semibold").textContent())!;
  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
  await expect(counselor.getByTestId("messages")).toContainText("セキュアチャットで相談したいです");
  await expect(counselor.getByTestId("intake")).toContainText("いじめ・友だちのこと");
  await expect(counselor.getByTestId("intake-note")).toHaveText("クラスで無視されています");
  // The record form starts from the intake, for the counselor to confirm.
  await expect(counselor.getByTestId("record-prefilled")).toBeVisible();
  await expect(counselor.getByLabel("年代")).toHaveValue("junior_high");
  await expect(counselor.getByLabel("性別")).toHaveValue("unknown");
  await expect(counselor.getByLabel("いじめ")).toBeChecked();
  await expect(counselor.getByLabel("友人関係")).toBeChecked();
  await expect(counselor.getByLabel("児童虐待")).not.toBeChecked();

  // The counselor's reply reaches the secure chat without a reload (Server-Sent Events).
  await counselor.getByLabel(/返信/).fill("話してくれて<i>ありがとう</i>。");
  await counselor.getByLabel(/返信/).press("Enter");
  await expect(log.locator("li[data-sender=counselor]")).toHaveText(/話してくれて<i>ありがとう<\/i>。/);
  await expect(log.locator("i")).toHaveCount(0);

  // The youth ends the consultation from their side: it stays readable, closed; a new one starts with its own intake.
  await chat.getByRole("button", { name: "相談を終える" }).click();
  await chat.getByRole("button", { name: "終える", exact: true }).click();
  await expect(log.locator("li[data-sender=system]").last()).toContainText("相談を終了しました。");
  await expect(chat.getByLabel("メッセージ")).toHaveCount(0);
  await chat.getByRole("button", { name: "新しく相談する" }).click();
  await expect(chat.getByRole("form", { name: "はじめに教えてください" })).toBeVisible();
  await counselor.context().close();
});

test("the LIFF page may be framed by LINE, every other page by nobody", async ({ request }) => {
  const liff = (await request.get("/liff")).headers();
  expect(liff["content-security-policy"]).toContain("frame-ancestors 'self' https://liff.line.me");
  expect(liff["x-frame-options"]).toBeUndefined();
  for (const path of ["/", "/signin", "/api/health"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
});

test("a forged ID token is refused with a Japanese message", async ({ page }) => {
  await page.goto("/liff#id_token=forged.token.value&client_id=2000000000");
  await expect(page.getByRole("alert").filter({ hasText: "LINE で本人確認ができませんでした" })).toBeVisible();
  expect(page.url()).not.toContain("id_token");
});

test("in CHAT_MODE=line the LIFF page sends the youth back to the LINE talk and takes no messages", async ({ page }) => {
  await page.goto(`${lineBaseURL}/liff`);
  await expect(page.getByText("この窓口では、相談は LINE のトーク画面で行います。")).toBeVisible();
  await expect(page.getByLabel("メッセージ")).toHaveCount(0);
});
