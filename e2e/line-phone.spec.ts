import fs from "node:fs";
import { createHmac } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;

function talk(page: Page) {
  return page.getByRole("log", { name: "トーク" });
}

async function newYouth(page: Page) {
  await page.goto(`${emulator}/`);
  await page.getByRole("button", { name: "新規ユーザー" }).click();
  await expect(page.getByRole("button", { name: "友だち追加" })).toBeEnabled();
}

test("a youth adds the friend, is greeted, writes, and is told images cannot be received", async ({ page, request }) => {
  await request.delete(`${emulator}/_emulator/requests`);
  await newYouth(page);
  await page.getByRole("button", { name: "友だち追加" }).click();
  await expect(talk(page).locator(".row.bot").first()).toContainText("友だち追加ありがとうございます");

  const menu = page.getByRole("region", { name: "リッチメニュー" });
  await expect(menu.getByRole("button", { name: "相談する" })).toBeVisible();
  await menu.getByRole("button", { name: "緊急のときは" }).click();
  await expect(talk(page).locator(".row.bot").last()).toContainText("189");
  await menu.getByRole("button", { name: "相談時間" }).click();
  await expect(talk(page).locator(".row.bot").last()).toContainText("20:00〜24:00");

  await page.getByLabel("メッセージ").fill("はじめまして。相談したいです");
  await page.getByRole("button", { name: "送信" }).click();
  // Line mode (the e2e demo's): one reply holds the automatic reply and the intake's first question.
  await expect(talk(page).locator(".row.bot").last()).toContainText("あなたの年代を教えてください");
  await expect(talk(page).locator(".row.bot").nth(-2)).toContainText("メッセージを受け付けました");

  await page.getByRole("button", { name: "画像を送る（内容は送られません）" }).click();
  await expect(talk(page).locator(".row.bot").last()).toContainText("画像・動画・音声・ファイルは受け取ることができません");
  await page.getByRole("button", { name: "画像を送る（内容は送られません）" }).click();
  await page.getByRole("button", { name: "スタンプを送る" }).click();
  await expect(talk(page).locator(".row.user")).toHaveCount(6);
  // A second image within minutes gets no second notice; a sticker in an open consultation gets no reply.
  await page.waitForTimeout(1500);
  await expect(talk(page).locator(".row.bot")).toHaveCount(6);

  const log = (await (await request.get(`${emulator}/_emulator/requests`)).json()) as { requests: { method: string; path: string; headers: Record<string, string> }[] };
  const paths = log.requests.map((r) => r.path);
  expect(paths.some((p) => p.startsWith("/v2/bot/profile"))).toBe(false);
  expect(paths.some((p) => /\/v2\/bot\/message\/[^/]+\/content/.test(p))).toBe(false);
  for (const push of log.requests.filter((r) => r.path === "/v2/bot/message/push")) {
    expect(push.headers["x-line-retry-key"]).toMatch(/^[0-9a-f-]{36}$/);
  }
  expect(paths.filter((p) => p === "/v2/bot/message/reply").length).toBeGreaterThanOrEqual(3);
});

test("in line mode a youth answers the intake by quick replies, and the counselor sees the answers", async ({ page, browser }) => {
  await newYouth(page);
  await page.getByRole("button", { name: "友だち追加" }).click();
  await page.getByLabel("メッセージ").fill("相談があります");
  await page.getByRole("button", { name: "送信" }).click();
  const quick = page.getByRole("group", { name: "クイックリプライ" });
  const tap = async (label: string, next: string) => {
    await quick.getByRole("button", { name: label, exact: true }).click();
    await expect(talk(page).locator(".row.bot").last()).toContainText(next);
  };
  await expect(quick.getByRole("button")).toHaveText(["小学生", "中学生", "高校生世代", "18〜30歳", "それ以外"]);
  await tap("高校生世代", "性別を教えてください");
  await tap("女性", "相談したいことを1つ選んでください");
  await expect(quick.getByRole("button")).toHaveCount(10);
  await tap("友だちのこと", "「友だちのこと」ですね");
  await expect(quick.getByRole("button", { name: "友だちのこと" })).toHaveCount(0);
  await tap("いじめ", "「いじめ」ですね");
  await tap("これで全部", "相談のやくそく");
  await tap("読んで、わかりました", "教えてくれてありがとう");
  await expect(quick.getByRole("button")).toHaveCount(0);
  // Each tap reads in the talk as the youth's own answer.
  await expect(talk(page).locator(".row.user").last()).toContainText("読んで、わかりました");

  const counselor = await (await browser.newContext()).newPage();
  await signIn(counselor, "counselor1");
  await counselor.goto("/console");
  await expect(counselor.getByTestId("queue")).toContainText("年代: 高校生世代 / 性別: 女性 / 相談内容: 友だちのこと・いじめ");
  await counselor.context().close();
});

test("the webhook refuses forged, oversized and malformed requests", async ({ request }) => {
  const secret = (JSON.parse(fs.readFileSync(".e2e-data/demo-secrets.json", "utf8")) as { channelSecret: string }).channelSecret;
  const body = JSON.stringify({ destination: "U0", events: [] });
  const signed = (raw: string) => createHmac("sha256", secret).update(raw).digest("base64");

  expect((await request.post("/api/line/webhook", { data: body, headers: { "content-type": "application/json" } })).status()).toBe(401);
  expect((await request.post("/api/line/webhook", { data: body, headers: { "x-line-signature": signed("other") } })).status()).toBe(401);
  expect((await request.post("/api/line/webhook", { data: body, headers: { "x-line-signature": signed(body) } })).status()).toBe(200);
  const truncated = body.slice(0, 10);
  expect((await request.post("/api/line/webhook", { data: truncated, headers: { "x-line-signature": signed(truncated) } })).status()).toBe(400);
  const huge = JSON.stringify({ events: [], pad: "x".repeat(10 * 1024 * 1024) });
  expect((await request.post("/api/line/webhook", { data: huge, headers: { "x-line-signature": signed(huge) } })).status()).toBe(413);
});

test("the admin sees the month's paid pushes and any failed LINE traffic", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "LINE連携" }).click();
  await expect(page.getByRole("heading", { name: "LINE連携の状況" })).toBeVisible();
  await expect(page.getByTestId("pushes-this-month")).toHaveText(/^\d+件$/);
  await expect(page.getByTestId("inbox-failed")).toHaveText("0件");
  await expect(page.getByTestId("outbox-failed")).toHaveText("0件");
});
