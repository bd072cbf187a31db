import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;

/** This JST month, "YYYY-MM": the demo's clock is real time, so today's contacts land in it. */
const thisMonth = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" }).format(new Date());
/** The fiscal year of this month (April–March): the demo's schedule covers it, so its reports have a service period. */
const thisFiscalYear = Number(thisMonth.slice(0, 4)) - (Number(thisMonth.slice(5, 7)) < 4 ? 1 : 0);

async function youthFollowsAndWrites(request: APIRequestContext, text: string) {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } })).ok()).toBe(true);
}

/** A figure of the summary table: the row's first figure column (this month). */
async function figure(page: Page, table: string, row: string): Promise<number> {
  const cell = page.getByTestId(table).getByRole("row").filter({ has: page.getByRole("rowheader", { name: row, exact: true }) }).getByRole("cell").first();
  return Number(await cell.textContent());
}

test("the city reads this month's reports with charts, and downloads them as CSV, Excel and PDF", async ({ page, request }) => {
  await signIn(page, "city");
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { name: "報告書", level: 1 })).toBeVisible();

  await page.getByLabel("対象月").first().fill(thisMonth);
  await page.getByRole("button", { name: "表示" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/reports/monthly\\?month=${thisMonth}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("月例報告書");
  const before = await figure(page, "table-summary", "相談受付件数（アクセス）");
  const followsBefore = await (async () => {
    await page.goto(`/reports/reception?month=${thisMonth}`);
    return Number(await page.getByTestId("table-reception").getByRole("row").last().getByRole("cell").nth(8).textContent());
  })();

  // A youth adds the account and writes: the reception status and the monthly report count them (after the worker has run).
  await youthFollowsAndWrites(request, "相談したいです");
  await expect(async () => {
    await page.goto(`/reports/monthly?month=${thisMonth}`);
    expect(await figure(page, "table-summary", "相談受付件数（アクセス）")).toBe(before + 1);
  }).toPass({ timeout: 15_000 });
  for (const heading of ["概要", "待ち時間・応答時間", "年代別", "性別", "相談内容別（複数選択）", "受付時間帯別", "受付曜日別", "紹介先の支援機関別"]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("bar-chart").first()).toBeVisible();
  await page.goto(`/reports/reception?month=${thisMonth}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("月例受付状況");
  const total = page.getByTestId("table-reception").getByRole("row").last();
  await expect(total.getByRole("rowheader")).toHaveText("合計");
  expect(Number(await total.getByRole("cell").nth(8).textContent())).toBe(followsBefore + 1);

  // Downloads: the CSV holds the figure the page shows.
  await page.goto(`/reports/monthly?month=${thisMonth}`);
  const shown = await figure(page, "table-summary", "相談受付件数（アクセス）");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`月例報告書_${thisMonth}.csv`);
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`\r\n相談受付件数（アクセス）,${shown},`);
  for (const [format, type, magic] of [
    ["pdf", "application/pdf", "%PDF-"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"],
  ] as const) {
    const response = await page.request.get(`/api/reports/export?kind=monthly&period=${thisMonth}&format=${format}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(type);
    expect((await response.body()).subarray(0, magic.length).toString()).toBe(magic);
  }
  expect((await page.request.get(`/api/reports/export?kind=monthly&period=2024-13&format=pdf`)).status()).toBe(400);

  // The annual report and the work log open from the report tabs.
  await page.goto("/reports");
  await page.getByRole("link", { name: "年度報告書" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("年度報告書");
  await expect(page.getByRole("heading", { name: "月別", exact: true })).toBeVisible();
  await page.goto(`/reports/monthly?month=${thisMonth}`);
  await page.getByRole("link", { name: "業務日誌" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("業務日誌");
});

test("every export is in the audit log, and a counselor cannot read reports", async ({ browser }) => {
  const city = await browser.newPage();
  await signIn(city, "city");
  expect((await city.request.get(`/api/reports/export?kind=annual_reception&period=${thisFiscalYear}&format=csv`)).status()).toBe(200);
  await city.close();

  const admin = await browser.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/audit");
  await expect(admin.getByRole("row").filter({ hasText: "報告書のダウンロード" }).filter({ hasText: "年度受付状況" }).filter({ hasText: String(thisFiscalYear) }).first()).toBeVisible();
  await admin.close();

  const counselor = await browser.newPage();
  await signIn(counselor, "counselor1");
  expect((await counselor.goto("/reports/monthly"))!.status()).toBe(403);
  expect((await counselor.request.get("/api/reports/export?kind=monthly&format=csv")).status()).toBe(403);
  await counselor.close();
});

test("a report reads on a phone: nothing wider than the screen but the tables, which scroll", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, "supervisor");
  await page.goto(`/reports/reception?month=${thisMonth}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("月例受付状況");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // The wide table scrolls inside its own region, reachable by keyboard.
  const region = page.getByRole("region", { name: "受付状況の表（横にスクロールできます）" });
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await context.close();
});
