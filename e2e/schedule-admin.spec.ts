import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

type CalendarDay = { date: string; rule: string; staffed: boolean };

async function visibleDays(page: Page): Promise<CalendarDay[]> {
  return page
    .getByTestId("month-calendar")
    .locator("td[data-testid^='day-']")
    .evaluateAll((cells) =>
      cells.map((cell) => ({
        date: cell.getAttribute("data-testid")!.slice("day-".length),
        rule: cell.getAttribute("data-rule")!,
        staffed: /\d\d:\d\d〜\d\d:\d\d/.test(cell.textContent ?? ""),
      })),
    );
}

/**
 * Walks the calendar from this month until `pick` finds what a test needs among the days seen so
 * far, so the suite holds whatever day it runs on. The demo seeds the fiscal year containing today.
 */
async function scanCalendar<T>(page: Page, pick: (days: CalendarDay[], today: string) => T | undefined): Promise<T> {
  await page.goto("/admin/schedule");
  const today = (await page.locator("td[aria-current='date']").getAttribute("data-testid"))!.slice("day-".length);
  const seen: CalendarDay[] = [];
  for (let month = 0; month < 3; month++) {
    seen.push(...(await visibleDays(page)));
    const found = pick(seen, today);
    if (found) return found;
    const caption = await page.locator("caption").textContent();
    await page.getByRole("link", { name: /次の月/ }).click();
    await expect(page.locator("caption")).not.toHaveText(caption!);
  }
  throw new Error(`the calendar has no day this test needs within three months of ${today}`);
}

/** An ordinary staffed day after today, and the staffed day after it. */
function findStaffedDay(page: Page): Promise<{ day: string; next: string }> {
  return scanCalendar(page, (days, today) => {
    const index = days.findIndex((d) => d.date > today && d.rule === "weekly" && d.staffed);
    const next = index >= 0 ? days.slice(index + 1).find((d) => d.staffed) : undefined;
    return next ? { day: days[index]!.date, next: next.date } : undefined;
  });
}

/** An ordinary day after today with no staffed hours (a weekday in the demo). */
function findUnstaffedDay(page: Page): Promise<string> {
  return scanCalendar(page, (days, today) => days.find((d) => d.date > today && d.rule === "weekly" && !d.staffed)?.date);
}

/** 「12月5日」: how the automatic reply names a date (with or without the year before it). */
const japaneseDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;

async function previewAt(page: Page, date: string, time: string) {
  const preview = page.getByRole("region", { name: "自動返信のプレビュー" });
  await preview.getByLabel("日付").fill(date);
  await preview.getByLabel("時刻").fill(time);
  await preview.getByRole("button", { name: "確認する" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${date}&time=${time.replace(":", "%3A")}`));
}

test("an admin adds a one-off closure and the preview and the calendar change accordingly", async ({ page }) => {
  await signIn(page, "admin");
  const { day, next } = await findStaffedDay(page);
  await page.goto(`/admin/schedule?month=${day.slice(0, 7)}`);
  const version = (await page.getByTestId("schedule-version").textContent())!;
  const cell = page.getByTestId(`day-${day}`);
  await expect(cell).toContainText("20:00〜24:00");

  await previewAt(page, day, "21:00");
  await expect(page.getByTestId("preview-kind")).toHaveText("相談時間中（次の順番の人へ）");
  await expect(page.getByTestId("preview-text")).toContainText("次はあなたの番です");

  const closureForm = page.getByRole("form", { name: "休止を追加" });
  await closureForm.getByLabel("開始日").fill(day);
  await expect(closureForm.getByLabel("終了日")).toHaveValue(day);
  await closureForm.getByLabel("理由").fill("研修のため");
  await closureForm.getByRole("button", { name: "休止を追加する" }).click();
  await expect(closureForm.getByRole("status")).toHaveText("追加しました。");

  await expect(cell).toContainText("休止");
  await expect(cell).toContainText("研修のため");
  await expect(cell).not.toContainText("20:00〜24:00");
  await expect(page.getByTestId("schedule-version")).not.toHaveText(version);
  await expect(page.getByTestId("schedule-note")).toHaveText(`休止を追加: ${day} 研修のため`);
  // The same preview, recomputed from the new version: now it names the next staffed day.
  await expect(page.getByTestId("preview-kind")).toHaveText("相談時間外");
  await expect(page.getByTestId("preview-text")).toContainText(`${japaneseDay(next)}`);
  await expect(page.getByTestId("preview-text")).toContainText("次の相談時間は");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `休止 ${day}（研修のため） を削除` }).click();
  await expect(page.getByTestId("exception-status")).toHaveText("削除しました。");
  await expect(cell).toContainText("20:00〜24:00");
  await expect(cell).not.toContainText("休止");
  await expect(page.getByTestId("preview-kind")).toHaveText("相談時間中（次の順番の人へ）");

  await page.getByRole("link", { name: "監査ログ" }).click();
  const changes = page.getByRole("row").filter({ hasText: "受付時間の変更" });
  await expect(changes.filter({ hasText: `休止を追加: ${day} 研修のため` })).toHaveCount(1);
  await expect(changes.filter({ hasText: `休止を削除: ${day} 研修のため` })).toHaveCount(1);
});

test("bad input is refused with Japanese messages and changes nothing", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/schedule");
  const version = (await page.getByTestId("schedule-version").textContent())!;
  const periodEnd = await page.getByRole("group", { name: "設置期間" }).getByLabel("終了日").inputValue();
  const closureForm = page.getByRole("form", { name: "休止を追加" });

  // End before start: caught in the browser with the schema the server uses. Typed before the page has
  // hydrated, react-hook-form puts its empty defaults back (seen once under CI's load): type again then.
  await expect(async () => {
    await closureForm.getByLabel("開始日").fill(periodEnd);
    await closureForm.getByLabel("終了日").fill(`${periodEnd.slice(0, 8)}01`);
    await closureForm.getByLabel("理由").fill("行事");
    await closureForm.getByRole("button", { name: "休止を追加する" }).click();
    await expect(closureForm.locator("#closure-to-error")).toHaveText("休止期間の開始日は終了日以前にしてください", { timeout: 2_000 });
  }).toPass();

  // Past the service period: only the server knows the period, and it says so beside the field.
  const dayAfter = new Date(Date.parse(`${periodEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await closureForm.getByLabel("終了日").fill(dayAfter);
  await closureForm.getByRole("button", { name: "休止を追加する" }).click();
  await expect(closureForm.locator("#closure-to-error")).toContainText("休止期間の終了日は設置期間");
  await expect(closureForm.locator("#closure-to-error")).toContainText(`〜${periodEnd}）内の日付にしてください`);

  // Overlapping weekly timeframes.
  const saturday = page.getByRole("group", { name: "土曜日" });
  await saturday.getByRole("button", { name: "土曜日に時間帯を追加" }).click();
  await saturday.getByLabel("土曜日 2つ目の開始").fill("21:00");
  await saturday.getByLabel("土曜日 2つ目の終了").fill("22:00");
  await page.getByRole("button", { name: "この内容で保存する" }).click();
  await expect(saturday.getByRole("alert")).toHaveText("20:00〜24:00 と 21:00〜22:00 が重なっています");
  await expect(page.getByTestId("rules-status")).toHaveText("入力内容を確認してください。");

  await page.reload();
  await expect(page.getByTestId("schedule-version")).toHaveText(version);
  await expect(page.getByRole("group", { name: "土曜日" }).getByRole("textbox")).toHaveCount(2);
  await expect(page.getByTestId("closure-list")).not.toContainText("行事");
});

test("an admin edits an automatic reply: unknown variables are refused, the preview uses the new wording, the default comes back", async ({ page }) => {
  await signIn(page, "admin");
  const { day } = await findStaffedDay(page);
  await page.goto(`/admin/schedule?month=${day.slice(0, 7)}&date=${day}&time=10:00`);
  await expect(page.getByTestId("preview-kind")).toHaveText("当日の相談開始前");
  const template = page.getByTestId("template-before_opening");
  const body = template.getByLabel("文面（当日の相談開始前）");

  await body.fill("{名前}さん、{次の相談時間} に");
  await template.getByRole("button", { name: "保存する" }).click();
  await expect(template.getByRole("alert")).toContainText("「{名前}」は使えない差し込み項目です");
  await page.reload();
  await expect(page.getByTestId("template-before_opening").getByLabel("文面（当日の相談開始前）")).not.toHaveValue(/名前/);

  await body.fill("まだ始まっていません。{次の相談時間} にお返事します。");
  await expect(template).toContainText("28 / 1000文字");
  await template.getByRole("button", { name: "保存する" }).click();
  await expect(template.getByRole("status")).toHaveText("保存しました。");
  await expect(template).toContainText("編集済み");
  await expect(page.getByTestId("preview-text")).toHaveText(new RegExp(`^まだ始まっていません。(\\d{4}年)?${japaneseDay(day)}\\(.\\) 20:00〜24:00 にお返事します。$`));

  page.once("dialog", (dialog) => dialog.accept());
  await template.getByRole("button", { name: "初期値に戻す" }).click();
  await expect(template.getByRole("status")).toHaveText("初期値に戻しました。");
  await expect(template).toContainText("初期値");
  await expect(body).toHaveValue(/^メッセージを受け付けました。今日の相談はまだ始まっていません。/);
  await expect(page.getByTestId("preview-text")).toContainText("今日の相談はまだ始まっていません。");
});

test("an admin adds a dated opening and a weekday timeframe, and the calendar shows both", async ({ page }) => {
  await signIn(page, "admin");
  const day = await findUnstaffedDay(page);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const weekdayName = ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"][weekday]!;
  await page.goto(`/admin/schedule?month=${day.slice(0, 7)}`);
  const cell = page.getByTestId(`day-${day}`);

  const openingForm = page.getByRole("form", { name: "臨時開設を追加" });
  await openingForm.getByLabel("日付").fill(day);
  await openingForm.getByLabel("時間帯 1つ目の開始").fill("18:00");
  await openingForm.getByLabel("時間帯 1つ目の終了").fill("21:00");
  await openingForm.getByLabel("理由").fill("市の行事に合わせて");
  await openingForm.getByRole("button", { name: "臨時開設を追加する" }).click();
  await expect(openingForm.getByRole("status")).toHaveText("追加しました。");
  await expect(cell).toHaveAttribute("data-rule", "opening");
  await expect(cell).toContainText("臨時開設");
  await expect(cell).toContainText("市の行事に合わせて");
  await expect(cell).toContainText("18:00〜21:00");
  await expect(page.getByTestId("opening-list")).toContainText("18:00〜21:00");

  // Weekly rules: that weekday gets a morning timeframe; the dated opening still wins on its date.
  const group = page.getByRole("group", { name: weekdayName });
  await group.getByRole("button", { name: `${weekdayName}に時間帯を追加` }).click();
  await group.getByLabel(`${weekdayName} 1つ目の開始`).fill("10:00");
  await group.getByLabel(`${weekdayName} 1つ目の終了`).fill("12:00");
  await page.getByRole("button", { name: "この内容で保存する" }).click();
  await expect(page.getByTestId("rules-status")).toHaveText("保存しました。");
  await expect(page.getByTestId("schedule-note")).toHaveText("曜日・祝日・設置期間を変更");
  const sameWeekday = page.locator("td[data-rule='weekly']").filter({ hasText: "10:00〜12:00" });
  await expect(sameWeekday.first()).toBeVisible();
  await expect(cell).not.toContainText("10:00〜12:00");

  // Back as it was, for the tests that follow.
  await group.getByRole("button", { name: `${weekdayName}の1つ目の時間帯を削除` }).click();
  await page.getByRole("button", { name: "この内容で保存する" }).click();
  await expect(page.getByTestId("rules-status")).toHaveText("保存しました。");
  await expect(sameWeekday).toHaveCount(0);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `臨時開設 ${day}（市の行事に合わせて） を削除` }).click();
  await expect(page.getByTestId("exception-status")).toHaveText("削除しました。");
  await expect(cell).toHaveAttribute("data-rule", "weekly");
});

test("a counselor gets 403 on the schedule screen and sees no link to it", async ({ page }) => {
  await signIn(page, "counselor1");
  await expect(page.getByRole("link", { name: "相談時間", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/schedule");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "アクセスできません（403）" })).toBeVisible();
});
