import { createRequire } from "node:module";
import path from "node:path";
import type { Frame, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { newYouthOnPhone, openSecureChat } from "./helpers";

/**
 * Issue 17, やさしい日本語: a youth who picks 小学生 in the intake reads the secure chat's fixed texts
 * in short sentences with furigana (<ruby>); the 「やさしいにほんご」 toggle switches both ways, and the
 * choice survives a reload. On a phone, in the secure-mode demo.
 */
test.use({ baseURL: secureBaseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

/** Debian's Chromium here has no Japanese font: the screenshots borrow the one the PDF reports embed. */
const JAPANESE_FONT = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "biz-udpgothic", "400Regular", "BIZUDPGothic_400Regular.ttf");

async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  await page.context().route("**/__e2e-japanese-font.ttf", (route) => route.fulfill({ path: JAPANESE_FONT, contentType: "font/ttf" }));
  const frame = liffFrame(page);
  await frame.addStyleTag({ content: '@font-face { font-family: "E2E Japanese"; src: url("/__e2e-japanese-font.ttf"); } * { font-family: "E2E Japanese", sans-serif !important; }' });
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  await testInfo.attach(name, { body: await page.locator("#browser-frame").screenshot(), contentType: "image/png" });
}

function liffFrame(page: Page): Frame {
  return page.frames().find((f) => new URL(f.url()).pathname === "/liff")!;
}

/** Reloads the secure chat in the phone's in-app browser, as the youth pulling down to refresh would. */
async function reloadChat(page: Page) {
  const frame = liffFrame(page);
  await Promise.all([page.waitForEvent("framenavigated", (f) => f === frame), frame.evaluate(() => window.location.reload())]);
}

async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  return frame.evaluate(async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id));
}

test("picking 小学生 shows the easy version with furigana; the toggle switches both ways; the choice survives a reload", async ({ page }, testInfo) => {
  await newYouthOnPhone(page, emulator);
  const chat = await openSecureChat(page, { intake: false });
  const toggle = chat.getByRole("button", { name: "やさしいにほんご" });

  // A new phone starts in the standard wording, the toggle visible and off.
  const standardForm = chat.getByRole("form", { name: "はじめに教えてください" });
  await expect(standardForm).toBeVisible();
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(chat.locator("ruby")).toHaveCount(0);
  await snapshot(page, testInfo, "1-intake-standard");

  // Picking 小学生 switches the whole page at once: short sentences, furigana over the harder kanji.
  await standardForm.getByRole("group", { name: /^年代/ }).getByLabel("小学生", { exact: true }).check();
  const form = chat.getByRole("form", { name: "はじめに おしえてね" });
  await expect(form).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(form.locator("ruby").first()).toBeVisible();
  const pairs = await form.locator("ruby").evaluateAll((rubies) => rubies.map((r) => [r.firstChild?.textContent, r.querySelector("rt")?.textContent]));
  expect(pairs).toContainEqual(["相談", "そうだん"]);
  expect(pairs).toContainEqual(["相談員", "そうだんいん"]);
  await expect(form.locator("legend").first()).toContainText("あなたの年");
  await expect(form.getByText("1つ えらんでね").first()).toBeVisible();
  await expect(chat.getByRole("button", { name: /緊急\s*きんきゅう\s*のときは/ })).toBeVisible();

  // The errors too, when something is missing.
  await form.getByRole("button", { name: /はじめる/ }).click();
  await expect(form.getByRole("alert").filter({ hasText: "1つは えらんでね" })).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "チェックを つけてね" }).locator("ruby").first()).toBeVisible();
  await snapshot(page, testInfo, "2-intake-easy-after-elementary");
  expect(await axeViolations(liffFrame(page))).toEqual([]);

  // Off: the standard wording comes back, no furigana; on again.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(chat.getByRole("form", { name: "はじめに教えてください" })).toBeVisible();
  await expect(chat.locator("ruby")).toHaveCount(0);
  await expect(chat.getByText("相談したいことを1つ以上選んでください。")).toBeVisible();
  await snapshot(page, testInfo, "3-intake-toggled-off");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(form).toBeVisible();

  // The rest of the intake in easy words, then the chat.
  await form.locator("label", { hasText: "こたえたくない" }).locator("input").check();
  await form.locator("label", { hasText: "いじめ" }).locator("input").check();
  await form.locator("label", { hasText: "わかったよ" }).locator("input").check();
  await form.getByRole("button", { name: /はじめる/ }).click();
  const log = chat.getByRole("log", { name: "相談のやりとり" });
  await expect(log).toBeVisible();
  await expect(chat.getByRole("heading", { level: 1 }).locator("rt")).toHaveText("そうだん");
  await expect(chat.getByRole("button", { name: /おわる/ })).toBeVisible();
  // The automatic reply the server wrote for this youth is in easy words too (kana: it is stored text, shown as sent).
  await expect(log.locator("li[data-sender=system]")).toContainText("メッセージが とどきました");
  await expect(chat.getByLabel("メッセージ")).toHaveAttribute("placeholder", "ここに、はなしたいことを かいてね");
  await snapshot(page, testInfo, "4-chat-easy");

  // A reload keeps the choice.
  await reloadChat(page);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(chat.getByRole("heading", { level: 1 }).locator("rt")).toHaveText("そうだん");
  await snapshot(page, testInfo, "5-after-reload-easy");
  expect(await axeViolations(liffFrame(page))).toEqual([]);

  // Switched off, it stays off after a reload too.
  await toggle.click();
  await expect(chat.getByRole("heading", { name: "相談チャット" })).toBeVisible();
  await reloadChat(page);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(chat.getByRole("heading", { name: "相談チャット" })).toBeVisible();
  await expect(chat.locator("ruby")).toHaveCount(0);
  await snapshot(page, testInfo, "6-after-reload-standard");
});
