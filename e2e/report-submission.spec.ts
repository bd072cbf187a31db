import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.use({ viewport: { width: 1366, height: 768 } });

/** The month just ended, "YYYY-MM" in JST: the month a supervisor writes the 所見 for. */
const lastMonth = (() => {
  const [year, month] = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" }).format(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
})();

test("an admin sets the report cover by keyboard; a wrong field is named, a save is versioned and audited", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "報告書の表紙" })).toBeVisible();
  const addressee = page.getByLabel("宛先（「様」は自動で付きます）");
  await addressee.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("武雄市長");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("事業名")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("株式会社ソウダン");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("山田 花子");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "入力してください。" })).toBeVisible();
  await expect(page.getByLabel("事業名")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("事業名").focus();
  await page.keyboard.type("武雄市子ども・若者相談ほっとLINE事業");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "表紙を保存する" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /表紙を保存しました（第\d+版）。/ })).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "報告書の表紙の設定の変更" }).first()).toBeVisible();

  // The monthly report names the cover in its heading.
  await page.goto(`/reports/monthly?month=${lastMonth}`);
  await expect(page.getByText("武雄市長 様")).toBeVisible();
  await expect(page.getByText("受託者 株式会社ソウダン")).toBeVisible();
});

test("a supervisor writes the month's 所見 by keyboard, is warned about a phone number, and sees the saved version", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.goto(`/reports/monthly?month=${lastMonth}`);
  await expect(page.getByRole("heading", { name: "所見・特記事項", level: 2 })).toBeVisible();
  await expect(page.getByText("相談者が書いたこと、相談者が特定できること")).toBeVisible();
  const body = page.getByLabel("この月の所見（本文）");
  await body.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("夜の相談が多かった。折り返し 090-1234-5678");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "所見を保存する" })).toBeFocused();
  await page.keyboard.press("Enter");
  const warning = page.getByRole("alert").filter({ hasText: "電話番号のような数字が入っています。" });
  await expect(warning).toBeVisible();

  // The writer takes the number out and saves.
  await body.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("夜の相談が多かった。");
  await expect(warning).toBeHidden();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /所見を保存しました（第\d+版）。/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("この月の所見（本文）")).toHaveValue("夜の相談が多かった。");
  await expect(page.getByText(/第\d+版（.+保存）/)).toBeVisible();

  // The city reads it, without an editor.
  const city = await page.context().browser()!.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(city, "city");
  await city.goto(`/reports/monthly?month=${lastMonth}`);
  await expect(city.getByText("夜の相談が多かった。")).toBeVisible();
  await expect(city.getByRole("button", { name: "所見を保存する" })).toHaveCount(0);
  await city.close();
});

test("a month outside the service period says so instead of empty tables", async ({ page }) => {
  await signIn(page, "city");
  await page.goto("/reports/monthly?month=2001-04");
  await expect(page.getByRole("heading", { name: "この期間は相談事業の実施期間外です" })).toBeVisible();
  await expect(page.getByTestId("table-summary")).toHaveCount(0);
  const response = await page.request.get("/api/reports/export?kind=monthly&period=2001-04&format=pdf");
  expect(response.status()).toBe(422);
  expect(await response.text()).toContain("実施期間外");
});
