import { expect, test } from "./fixtures";
import { secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { newYouthOnPhone, openSecureChat, signIn } from "./helpers";

// The youth ends the consultation in the secure chat: the demo in CHAT_MODE=secure.
test.use({ baseURL: secureBaseURL });
const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

test("a youth ends the secure chat while held: the counselor finishes the record from the console", async ({ page, browser }) => {
  const counselor = await (await browser.newContext()).newPage();
  await signIn(counselor, "counselor2");

  await newYouthOnPhone(page, emulator);
  const chat = await openSecureChat(page, { intake: { ageBand: "高校生世代", gender: "答えたくない", topics: ["いじめ"] } });
  await chat.getByLabel("メッセージ").fill("やっぱり今日はやめておきます");
  await chat.getByRole("button", { name: "送信する" }).click();
  await expect(chat.getByRole("log", { name: "相談のやりとり" }).locator("li[data-sender=youth]")).toHaveCount(1);

  await counselor.goto("/console");
  const item = counselor.getByTestId("queue").locator("li").filter({ hasText: "セキュアチャット" }).last();
  const pseudonym = (await item.locator("span.font-semibold").textContent())!;
  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
  const conversation = counselor.url();

  // The youth leaves; the counselor's open conversation turns into the record still owed.
  await chat.getByRole("button", { name: "相談を終える" }).click();
  await chat.getByRole("button", { name: "終える", exact: true }).click();
  await expect(counselor.getByRole("heading", { name: "相談記録（未完了：保存してください）" })).toBeVisible();
  await expect(counselor.getByTestId("close-reason")).toHaveText("終了の理由: 相談者が終了");
  await expect(counselor.getByLabel(/返信/)).toHaveCount(0);

  // It waits on the console home until written.
  await counselor.goto("/console");
  const pending = counselor.getByTestId("pending-records");
  await expect(pending.getByRole("link", { name: new RegExp(pseudonym) })).toBeVisible();
  await pending.getByRole("link", { name: new RegExp(pseudonym) }).click();
  await counselor.waitForURL(conversation);

  await counselor.getByRole("button", { name: "記録を保存する" }).click();
  await expect(counselor.getByText("相談内容の要約を入力してください。")).toBeVisible();
  await expect(counselor.getByText("対応内容の要約を入力してください。")).toBeVisible();

  // 年代, 性別 and 分類 arrive from the intake for the counselor to confirm.
  await expect(counselor.getByLabel("年代")).toHaveValue("high_school");
  await counselor.getByLabel("相談内容の要約").fill("相談を始めたが、すぐに終了した。");
  await counselor.getByLabel("対応内容の要約").fill("いつでも相談できることを伝えた。");
  await counselor.getByLabel("対応結果").selectOption({ label: "相談者が終了" });
  await counselor.getByRole("button", { name: "記録を保存する" }).click();
  await counselor.waitForURL(/\/console$/);
  await expect(counselor.getByTestId("pending-records")).toHaveCount(0);

  // Written, it is no longer this counselor's to open.
  const again = await counselor.goto(conversation);
  expect(again?.status()).toBe(403);
  await counselor.context().close();
});
