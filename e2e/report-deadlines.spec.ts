import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("a supervisor marks a report submitted; the city's dashboard shows who and when", async ({ browser }) => {
  const supervisor = await (await browser.newContext()).newPage();
  await signIn(supervisor, "supervisor");
  await supervisor.goto("/supervisor");
  // The dashboard folds the deadlines into one line below the live list; opened, they are all there.
  await supervisor.getByTestId("deadlines-summary").locator("summary").click();
  const deadlines = supervisor.getByTestId("report-deadlines");
  await expect(deadlines).toBeVisible();
  // The demo's schedule covers this fiscal year, so this month's reports are always within the dashboard's horizon.
  const open = deadlines.locator("li").filter({ has: supervisor.getByRole("button", { name: /提出済みにする/ }) }).first();
  const testId = await open.getAttribute("data-testid");
  expect(testId).toMatch(/^deadline-(monthly_report|daily_log|monthly_reception|annual_report|annual_reception)-\d{4}(-\d{2})?$/);
  const item = supervisor.getByTestId(testId!);
  await expect(item).toContainText(/あと\d+日|今日が期限|期限超過/);
  supervisor.once("dialog", (dialog) => dialog.accept());
  await item.getByRole("button", { name: /提出済みにする/ }).click();
  await expect(item).toContainText("提出済み（責任 花子、");
  await expect(item).toHaveAttribute("data-status", "submitted");
  await expect(item.getByRole("button", { name: /提出済みにする/ })).toHaveCount(0);

  const city = await (await browser.newContext()).newPage();
  await signIn(city, "city");
  await city.goto("/reports");
  await expect(city.getByTestId(testId!)).toContainText("提出済み（責任 花子、");
  await expect(city.getByRole("button", { name: /提出済みにする/ })).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/audit");
  await expect(admin.getByRole("row").filter({ hasText: "報告書の提出の記録" }).first()).toContainText("責任 花子");
  await admin.context().close();
  await supervisor.context().close();
  await city.context().close();
});
