import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { createStaffViaAdmin, signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;
const inspector = { loginId: "city-inspector", displayName: "検査 市郎", role: "市職員", password: "inspection-password-1" };
// A counselor of its own, so consultations other specs left held do not count against the limit.
const counselor = { loginId: "records-counselor", displayName: "記録 三郎", role: "相談員", password: "inspection-password-2" };

async function staffPage(browser: Browser, loginId: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, loginId, password);
  return page;
}

/** A youth writes on the emulator's LINE; counselor1 takes the consultation and closes it with a record. */
async function closedConsultation(browser: Browser, request: APIRequestContext, summary: string) {
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  expect((await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text: "記録の閲覧テストです" } })).ok()).toBe(true);
  const page = await staffPage(browser, counselor.loginId, counselor.password);
  await page.goto("/console");
  const claim = page.getByTestId("queue").getByRole("button", { name: /担当する/ }).last();
  await expect(claim).toBeVisible();
  await claim.click();
  await page.waitForURL(/\/console\/c\//);
  await page.getByLabel("年代").selectOption({ label: "高校生世代" });
  await page.getByLabel("性別").selectOption({ label: "女性" });
  await page.getByLabel("学校・勉強").check();
  await page.getByLabel("相談内容の要約").fill(summary);
  await page.getByLabel("対応内容の要約").fill("話を聴き、担任への相談を一緒に考えた。");
  await page.getByLabel("対応結果").selectOption({ label: "傾聴・助言" });
  await page.getByRole("button", { name: "記録して終了する" }).click();
  await page.waitForURL(/\/console$/);
  await page.context().close();
}

test("records inspection: refused until an admin grants it, then every view is in the audit log", async ({ browser, request }) => {
  const summary = `閲覧テスト ${Date.now()}: テスト勉強が手につかない。`;
  const admin = await staffPage(browser, "admin");
  await createStaffViaAdmin(admin, counselor);
  await createStaffViaAdmin(admin, inspector);
  await closedConsultation(browser, request, summary);
  await admin.goto("/admin/staff");

  // The city role sees reports, and no records, until inspection is granted to the person.
  const city = await staffPage(browser, inspector.loginId, inspector.password);
  await expect(city.getByRole("link", { name: "相談記録の閲覧" })).toHaveCount(0);
  const refused = await city.goto("/records");
  expect(refused?.status()).toBe(403);
  expect((await city.request.get("/api/records/export?month=2024-08&format=csv")).status()).toBe(403);

  const row = admin.getByTestId(`staff-row-${inspector.loginId}`);
  admin.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "相談記録の閲覧を許可" }).click();
  await expect(row.getByText("相談記録の閲覧: 許可済み")).toBeVisible();

  // The grant takes effect at the next request: no new sign-in.
  await city.goto("/reports");
  await city.getByRole("link", { name: "相談記録の閲覧" }).click();
  await expect(city.getByRole("heading", { name: "相談記録の閲覧" })).toBeVisible();
  const table = city.getByTestId("records-table");
  await expect(table).toBeVisible();
  await expect(table).not.toContainText(summary);
  await table.getByRole("link", { name: "記録を開く" }).last().click();
  const detail = city.getByTestId("record-detail");
  await expect(detail).toContainText(summary);
  await expect(detail).toContainText("高校生世代");
  await expect(detail).toContainText("傾聴・助言");

  await city.goto("/records");
  const month = await city.getByLabel("受付月").inputValue();
  const csv = await city.request.get(`/api/records/export?month=${month}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain(summary);

  // The admin sees each view in the audit log: the list, the record, the export, and the grant itself.
  await admin.goto("/admin/audit");
  for (const action of ["個別の権限の付与", "記録の一覧の閲覧", "記録の閲覧", "記録のダウンロード"]) {
    const row = admin.getByRole("row").filter({ has: admin.getByRole("cell", { name: action, exact: true }) });
    await expect(row.filter({ hasText: action === "個別の権限の付与" ? "管理 太郎" : inspector.displayName }).first()).toBeVisible();
  }

  // Revoked, the next request is refused again.
  await admin.goto("/admin/staff");
  await admin.getByTestId(`staff-row-${inspector.loginId}`).getByRole("button", { name: "相談記録の閲覧を取り消す" }).click();
  await expect(admin.getByTestId(`staff-row-${inspector.loginId}`).getByText("相談記録の閲覧: 許可済み")).toHaveCount(0);
  expect((await city.goto("/records"))?.status()).toBe(403);
  await admin.context().close();
  await city.context().close();
});
