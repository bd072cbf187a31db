import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort, secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { newYouthOnPhone, openSecureChat, signIn } from "./helpers";

/** Issue 12, items 1 and 2: the risk words admins edit, and the safety reply with numbers a phone can dial. */

async function repliesSent(request: APIRequestContext, emulator: string): Promise<string[]> {
  const log = (await (await request.get(`${emulator}/_emulator/requests`)).json()) as { requests: { path: string; body: string }[] };
  return log.requests.filter((r) => r.path === "/v2/bot/message/reply" || r.path === "/v2/bot/message/push").map((r) => r.body);
}

test("an admin tries a phrase, is told a duplicate term in Japanese, and saves the words as a new version", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/risk");
  const lexicon = page.getByTestId("risk-lexicon");
  await expect(lexicon.getByTestId("risk-lexicon-version")).toContainText("第1版");

  await lexicon.getByLabel("試したい文").fill("もう ｼﾆﾀｲ");
  await lexicon.getByRole("button", { name: "判定する" }).click();
  await expect(lexicon.getByTestId("try-phrase-level")).toHaveText("高（命の危険）");
  await expect(lexicon.getByTestId("try-phrase-matched")).toHaveText("死にたい");
  await lexicon.getByLabel("試したい文").fill("死ぬほど笑った");
  await lexicon.getByRole("button", { name: "判定する" }).click();
  await expect(lexicon.getByTestId("try-phrase-level")).toHaveText("該当なし");

  const rows = lexicon.getByTestId("risk-term-row");
  const count = await rows.count();
  await lexicon.getByRole("button", { name: "言葉を追加" }).click();
  await lexicon.getByLabel(`言葉 ${count + 1}`, { exact: true }).fill("シニタイ");
  await lexicon.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(rows.nth(count).getByRole("alert")).toHaveText("「死にたい」と同じ言葉です（ひらがな・カタカナ・半角の違いは同じとみなします）。");

  await lexicon.getByLabel(`言葉 ${count + 1}`, { exact: true }).fill("もう限界");
  await lexicon.getByLabel(`レベル ${count + 1}`, { exact: true }).selectOption({ label: "注意（暴力・虐待など）" });
  await lexicon.getByLabel("変更の理由（監査ログに残ります）").fill("相談員の提案");
  await lexicon.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(lexicon.getByRole("status").filter({ hasText: "として保存しました" })).toHaveText("第2版として保存しました。");
  await page.reload();
  await expect(page.getByTestId("risk-lexicon-version")).toContainText("第2版");
  await page.getByLabel("試したい文").fill("モウ限界です");
  await page.getByRole("button", { name: "判定する" }).click();
  await expect(page.getByTestId("try-phrase-level")).toHaveText("注意");

  // The numbers and the reply's preview are on the same page.
  await expect(page.getByTestId("safety-preview-out-of-hours").getByRole("link", { name: "0120-279-338 に電話" })).toHaveAttribute("href", "tel:0120279338");
});

test("a youth writing a high-risk phrase in the LINE talk gets the safety reply with dial buttons, not the intake", async ({ page, request }) => {
  const emulator = `http://127.0.0.1:${emulatorPort}`;
  await newYouthOnPhone(page, emulator);
  await request.delete(`${emulator}/_emulator/requests`);
  await page.getByLabel("メッセージ").fill("もう消えたい");
  await page.getByRole("button", { name: "送信" }).click();
  const reply = page.getByRole("log", { name: "トーク" }).locator(".row.bot").last();
  await expect(reply).toContainText("メッセージを読みました");
  for (const number of ["110", "119", "189", "0120-279-338", "0570-064-556", "0120-061-338", "0120-0-78310", "0120-99-7777"]) {
    await expect(reply.getByRole("button", { name: `${number} に電話` })).toBeVisible();
  }
  await expect(page.getByRole("log", { name: "トーク" })).not.toContainText("あなたの年代を教えてください");
  const sent = (await repliesSent(request, emulator)).join("\n");
  expect(sent).toContain('"uri":"tel:110"');
  expect(sent).toContain('"uri":"tel:0120279338"');
  expect(sent).not.toContain("消えたい");
});

test.describe("secure mode", () => {
  test.use({ baseURL: secureBaseURL });
  const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

  test("the secure chat's 緊急のときは shows tel: links, a high-risk message gets the safety reply there, and quick exit leaves at once", async ({ page, request }) => {
    await newYouthOnPhone(page, emulator);
    const chat = await openSecureChat(page);
    await request.delete(`${emulator}/_emulator/requests`);

    await chat.getByLabel("メッセージ").fill("リスカしちゃった");
    await chat.getByRole("button", { name: "送信する" }).click();
    await expect(chat.getByRole("log", { name: "相談のやりとり" })).toContainText("メッセージを読みました");
    expect((await repliesSent(request, emulator)).join("\n")).not.toContain("リスカ");

    await chat.getByRole("button", { name: "緊急のときは" }).click();
    const panel = chat.getByRole("dialog", { name: "緊急のときは、電話できます" });
    await expect(panel.getByRole("link", { name: /警察 110/ })).toHaveAttribute("href", "tel:110");
    await expect(panel.getByRole("link", { name: /よりそいホットライン 0120-279-338/ })).toHaveAttribute("href", "tel:0120279338");

    const frame = await page.locator("#browser-frame").elementHandle().then((handle) => handle!.contentFrame());
    await panel.getByRole("button", { name: "すぐに画面を閉じる" }).click();
    await expect.poll(() => frame!.url()).toBe("about:blank");
  });
});
