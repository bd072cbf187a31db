import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.use({ viewport: { width: 1366, height: 768 } });

async function expectAxeClean(page: Page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
  expect(violations).toEqual([]);
}

test("事故の記録: a supervisor records an incident by keyboard, bad input is explained in Japanese, the city-notified time is added later, a save from a stale window is refused, and the 事故報告書 shows it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "supervisor");
  await page.goto("/");
  await page.getByRole("link", { name: "事故の記録" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "事故の記録" })).toBeVisible();
  await expectAxeClean(page);

  const form = page.getByRole("form", { name: "事故を記録する" });
  await form.getByRole("button", { name: "記録する" }).click();
  await expect(form.getByText("種類を選んでください。")).toBeVisible();
  await expect(form.getByText("範囲を入力してください。")).toBeVisible();
  await expect(form.getByLabel("種類")).toHaveAttribute("aria-invalid", "true");
  await expectAxeClean(page);

  // By keyboard only: the kind, the time found, scope and actions, then Enter on the button.
  await form.getByLabel("種類").focus();
  await page.keyboard.press("ArrowDown");
  await expect(form.getByLabel("種類")).not.toHaveValue("");
  await form.getByLabel("種類").selectOption({ label: "誤送信" });
  await form.getByLabel("発見した日時").fill("2026-11-20T18:20");
  await form.getByLabel(/^範囲/).fill("相談者1名への返信を別の相談者に送った");
  await form.getByLabel("とった対応").fill("送信を取り消し、受け取った方に削除を依頼した");
  await form.getByLabel("とった対応").press("Tab");
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("記録しました。");

  const saved = page.getByRole("form", { name: "誤送信 2026-11-20 18:20" });
  await expect(saved.getByLabel(/^範囲/)).toHaveValue("相談者1名への返信を別の相談者に送った");
  await expect(saved.getByLabel("市へ報告した日時")).toHaveValue("");

  // A report time before the discovery is refused, then the right one saved.
  await saved.getByLabel("市へ報告した日時").fill("2026-11-20T18:00");
  await saved.getByRole("button", { name: "変更を保存する" }).click();
  await expect(saved.getByText("市へ報告した日時は、発見した日時より後にしてください。")).toBeVisible();
  await saved.getByLabel("市へ報告した日時").fill("2026-11-20T19:05");
  await saved.getByRole("button", { name: "変更を保存する" }).click();
  await expect(saved.getByRole("status")).toHaveText("保存しました。");
  await page.reload();
  await expect(page.getByRole("form", { name: "誤送信 2026-11-20 18:20" }).getByLabel("市へ報告した日時")).toHaveValue("2026-11-20T19:05");

  // Someone saves from another window; this window's older form is refused, keeps what was typed, and overwrites nothing.
  const other = await page.context().newPage();
  await other.goto("/admin/incidents");
  const otherForm = other.getByRole("form", { name: "誤送信 2026-11-20 18:20" });
  await otherForm.getByLabel("とった対応").fill("受け取った方から削除したと連絡があった");
  await otherForm.getByRole("button", { name: "変更を保存する" }).click();
  await expect(otherForm.getByRole("status")).toHaveText("保存しました。");
  await other.close();
  const stale = page.getByRole("form", { name: "誤送信 2026-11-20 18:20" });
  await stale.getByLabel("とった対応").fill("古い画面で書いた対応");
  await stale.getByRole("button", { name: "変更を保存する" }).click();
  await expect(stale.getByRole("status")).toHaveText("ほかの人がこの記録を更新しました。画面を読み込み直してから、もう一度保存してください。");
  await expect(stale.getByLabel("とった対応")).toHaveValue("古い画面で書いた対応");
  await page.reload();
  await expect(page.getByRole("form", { name: "誤送信 2026-11-20 18:20" }).getByLabel("とった対応")).toHaveValue("受け取った方から削除したと連絡があった");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("form", { name: "誤送信 2026-11-20 18:20" }).getByRole("link", { name: "事故報告書（PDF）" }).click()]);
  expect(download.suggestedFilename()).toBe("事故報告書_2026-11-20.pdf");
  const file = (await download.path())!;
  expect((await readFile(file)).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(text).toContain("事故報告書");
  expect(text).toContain("誤送信");
  expect(text).toMatch(/市へ報告した日時\s+2026年11月20日 19:05/);
  expect(text).toContain("相談者1名への返信を別の相談者に送った");
});

test("事故の記録 is for supervisors and administrators, not counselors", async ({ page }) => {
  await signIn(page, "counselor1");
  const response = await page.goto("/admin/incidents");
  expect(response?.status()).toBe(403);
});
