import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.use({ viewport: { width: 1366, height: 768 } });

test("the audit log reads in Japanese, filters by kind, person, day and words by keyboard, and downloads as CSV", async ({ page }) => {
  // A failed sign-in first, so the log has a row of a known kind with a person's name on it.
  await signIn(page, "counselor1", "wrong-password-for-audit");
  await signIn(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "監査ログ", level: 1 })).toBeVisible();
  await expect(page.getByTestId("audit-chain")).toContainText("改ざんは見つかりませんでした");
  const table = page.getByTestId("audit-table");
  await expect(table.getByRole("cell", { name: "サインイン", exact: true }).first()).toBeVisible();
  // No action codes, no ids, no JSON on the screen.
  await expect(table).not.toContainText("auth.sign_in");
  await expect(table).not.toContainText("{");
  expect(await table.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  // By keyboard: the kind of action, then the form is sent with Enter.
  const kind = page.getByLabel("操作の種類");
  await kind.focus();
  await kind.selectOption({ label: "サインインの失敗" });
  await page.getByLabel("ことばで探す").focus();
  await page.keyboard.type("パスワードの誤り");
  await page.keyboard.press("Enter");
  await page.waitForURL(/action=auth\.sign_in_failed/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("サインインの失敗");
  await expect(rows.first()).toContainText("スタッフ（");
  await expect(rows.first()).toContainText("パスワードの誤り");

  // The person filter: the admin's own sign-ins.
  await page.getByRole("link", { name: "条件を消す" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/audit" && url.search === "");
  await expect(page.getByLabel("ことばで探す")).toHaveValue("");
  const person = page.getByLabel("人（操作した人・操作された人）");
  await person.selectOption((await person.locator("option", { hasText: "（admin）" }).getAttribute("value"))!);
  await page.getByLabel("操作の種類").selectOption({ label: "サインイン" });
  await page.getByRole("button", { name: "しぼりこむ" }).click();
  await expect(rows.first()).toContainText("サインイン");
  for (const row of await rows.all()) await expect(row.getByRole("cell").nth(3)).toHaveText("サインイン");

  // A day range that holds nothing, and one that is refused.
  await page.goto("/admin/audit?from=2000-01-01&to=2000-01-02");
  await expect(page.getByTestId("audit-count")).toHaveText("該当する記録はありません。");
  await page.goto("/admin/audit?from=2030-01-02&to=2030-01-01");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("開始日は終了日より前");

  // The CSV of the filter, with a BOM for Excel; the download shows up in the log itself.
  await page.goto("/admin/audit?action=auth.sign_in_failed");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "この条件でCSVをダウンロード" }).click();
  const download = await downloading;
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("番号,日時,操作者,操作,対象,詳細");
  expect(csv).toContain("サインインの失敗");
  expect(csv).not.toContain("auth.sign_in_failed");
  await page.goto("/admin/audit?action=audit.exported");
  await expect(page.getByTestId("audit-row").first()).toContainText("監査ログのダウンロード");
  await expect(page.getByTestId("audit-row").first()).toContainText("サインインの失敗");
});
