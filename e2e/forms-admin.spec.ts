import { expect, test } from "./fixtures";
import { secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { newYouthOnPhone, openSecureChat, signIn } from "./helpers";

// The youth sees the new version in the secure chat: the demo in CHAT_MODE=secure, with its own emulator.
test.use({ baseURL: secureBaseURL });
const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

// Other specs answer the intake with its version-1 labels; this one keeps the number of topics and
// the labels they use, and changes only choices nobody else taps.
test("an admin renames, adds and retires intake choices as a new version, and the youth's intake shows it", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "受付・記録の項目" }).click();
  await expect(page.getByRole("heading", { name: "受付フォームと相談記録の項目" })).toBeVisible();
  const intake = page.getByTestId("form-intake");
  await expect(page.getByTestId("form-intake-version")).toContainText("現在 第1版");
  const topics = intake.getByTestId("intake-topics");

  // A new choice without id or label is refused field by field, in Japanese, and nothing is saved.
  await topics.getByRole("button", { name: "選択肢を追加（相談したいこと・分類）" }).click();
  await intake.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(intake.getByText("IDは半角英小文字で始め")).toBeVisible();
  await expect(intake.getByText("入力してください。")).toBeVisible();
  await expect(page.getByTestId("form-intake-version")).toContainText("現在 第1版");

  await topics.getByLabel("相談したいこと・分類 ID（11）").fill("games_online");
  await topics.getByLabel("相談したいこと・分類 games_online 表示名").fill("ゲーム・ネットのこと");
  await topics.getByLabel("相談したいこと・分類 other 表示名").fill("そのほか");
  await topics.getByLabel("相談したいこと・分類 career_work 使用停止").check();
  await intake.getByLabel("変更の理由（監査ログに残ります）").fill("ネットの相談が増えたため");
  await intake.getByRole("button", { name: "新しい版として保存" }).click();
  await expect(intake.getByRole("status")).toHaveText("第2版として保存しました。");
  await expect(page.getByTestId("form-intake-version")).toContainText("現在 第2版");
  await expect(topics.getByLabel("相談したいこと・分類 games_online 表示名")).toHaveValue("ゲーム・ネットのこと");

  // The change is in the audit log.
  await page.goto("/admin/audit");
  await expect(page.getByRole("main")).toContainText("入力フォームの変更");

  // A youth opening the secure chat now gets version 2.
  const youth = await (await browser.newContext()).newPage();
  await newYouthOnPhone(youth, emulator);
  const chat = await openSecureChat(youth, { intake: false });
  const youthTopics = chat.getByRole("group", { name: /^相談したいこと/ });
  await expect(youthTopics.getByLabel("ゲーム・ネットのこと")).toBeVisible();
  await expect(youthTopics.getByLabel("そのほか")).toBeVisible();
  await expect(youthTopics.getByLabel("進路・仕事のこと")).toHaveCount(0);
  await youth.context().close();
});

test("the record form's outcomes can be renamed but not extended", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/forms");
  const record = page.getByTestId("form-record");
  await expect(record.getByTestId("record-outcome").getByRole("button", { name: /選択肢を追加/ })).toHaveCount(0);
  await expect(record.getByTestId("record-topics").getByLabel("相談したいこと・分類 other 表示名")).toHaveValue("その他");
});
