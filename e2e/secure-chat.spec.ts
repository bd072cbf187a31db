import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { secureBaseURL, secureEmulatorPort } from "../playwright.config";
import { closeSecureChat, newYouthOnPhone, openSecureChat, openSecureChatFromTalk, signIn } from "./helpers";

/**
 * Issue 5 and issue 6 in CHAT_MODE=secure: consultation content passes between the youth's secure chat
 * and the console only; LINE carries a content-free notice. Checked against everything the emulator
 * (playing LINE) was sent.
 */
test.use({ baseURL: secureBaseURL });
const emulator = `http://127.0.0.1:${secureEmulatorPort}`;

interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}

async function emulatorRequests(request: APIRequestContext): Promise<RecordedRequest[]> {
  return ((await (await request.get(`${emulator}/_emulator/requests`)).json()) as { requests: RecordedRequest[] }).requests;
}

/** The pushes the emulator accepted for this youth (a push names its recipient in `to`). */
async function pushesTo(request: APIRequestContext, userId: string): Promise<RecordedRequest[]> {
  return (await emulatorRequests(request)).filter((r) => r.path === "/v2/bot/message/push" && r.body.includes(userId));
}

async function staffPage(browser: Browser, loginId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, loginId);
  return page;
}

/** Claims the newest waiting consultation (these tests write nothing risky, so it is the last row). */
async function claimNewest(counselor: Page, before: number): Promise<string> {
  await counselor.goto("/console");
  const queue = counselor.getByTestId("queue").locator("li");
  await expect(queue).toHaveCount(before + 1);
  const pseudonym = (await queue.last().locator("span.font-semibold").textContent())!;
  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);
  return pseudonym;
}

async function queueSize(counselor: Page): Promise<number> {
  await counselor.goto("/console");
  return counselor.getByTestId("queue").locator("li").count();
}

test("secure round trip: live both ways, the supervisor watches, one content-free push while away, and LINE never sees a word", async ({ page, browser, request }) => {
  // Words that must stay between the youth's page and the console.
  const youthWords = ["青いカサの話を聞いてください", "赤い自転車のことも"];
  const counselorWords = ["緑のカバンの件、ありがとう", "黄色いボウシについて", "紫のノートのこと", "白いクツの話"];
  const counselor = await staffPage(browser, "counselor1");
  const supervisor = await staffPage(browser, "supervisor");
  const before = await queueSize(counselor);

  const userId = await newYouthOnPhone(page, emulator);
  const chat = await openSecureChat(page);
  const log = chat.getByRole("log", { name: "相談のやりとり" });
  await chat.getByLabel("メッセージ").fill(youthWords[0]!);
  await chat.getByRole("button", { name: "送信する" }).click();
  await expect(log.locator("li[data-sender=youth]")).toHaveText([new RegExp(youthWords[0]!)]);

  const pseudonym = await claimNewest(counselor, before);
  const messages = counselor.getByTestId("messages");
  await expect(messages).toContainText(youthWords[0]!);

  // The supervisor follows the conversation read-only, live.
  await supervisor.goto("/supervisor");
  await supervisor.getByTestId(`live-${pseudonym}`).getByRole("link", { name: "見る" }).click();
  await expect(supervisor.getByText("閲覧のみ（担当者ではありません）")).toBeVisible();
  await expect(supervisor.getByTestId("messages")).toContainText(youthWords[0]!);

  // While the youth has the chat open, the reply arrives there live and LINE is not involved.
  const reply = counselor.getByLabel(/返信/);
  await reply.fill(counselorWords[0]!);
  await reply.press("Enter");
  await expect(log.locator("li[data-sender=counselor]")).toHaveText([new RegExp(counselorWords[0]!)]);
  await expect(supervisor.getByTestId("messages")).toContainText(counselorWords[0]!);
  await chat.getByLabel("メッセージ").fill(youthWords[1]!);
  await chat.getByRole("button", { name: "送信する" }).click();
  await expect(messages).toContainText(youthWords[1]!);
  await expect(supervisor.getByTestId("messages")).toContainText(youthWords[1]!);
  expect(await pushesTo(request, userId)).toHaveLength(0);

  // The youth closes the chat; the counselor writes three messages: exactly one notice reaches LINE.
  await closeSecureChat(page);
  for (const words of counselorWords.slice(1)) {
    await reply.fill(words);
    await reply.press("Enter");
    await expect(messages.locator("li[data-sender=counselor]").last()).toContainText(words);
  }
  await expect.poll(async () => (await pushesTo(request, userId)).length).toBe(1);
  // Every message written while away points at that one notice: all three show it sent.
  await expect(async () => {
    await counselor.reload();
    await expect(messages.locator("li[data-sender=counselor]").getByTestId("delivery")).toHaveText(["送信済み", "送信済み", "送信済み"], { timeout: 1000 });
  }).toPass();
  const [push] = await pushesTo(request, userId);
  expect(push!.headers["x-line-retry-key"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(push!.body).toContain("相談員から返信があります");
  expect(push!.body).toContain("https://liff.line.me/");
  // The notice's button reopens the chat, where the replies are waiting.
  await expect(page.getByRole("log", { name: "トーク" }).getByRole("button", { name: "相談チャットを開く" })).toHaveCount(1);
  const reopened = await openSecureChatFromTalk(page);
  await expect(reopened.getByRole("log", { name: "相談のやりとり" }).locator("li[data-sender=counselor]")).toHaveCount(4);
  await closeSecureChat(page);

  // Everything LINE (the emulator) was sent by the app, and everything it sent to the app: no consultation text.
  const received = await emulatorRequests(request);
  expect(received.length).toBeGreaterThan(0);
  const webhooks = JSON.stringify(await (await request.get(`${emulator}/_emulator/webhooks`)).json());
  for (const words of [...youthWords, ...counselorWords]) {
    for (const r of received) {
      expect(`${r.method} ${r.path}${r.query} ${JSON.stringify(r.headers)} ${r.body}`, `${r.method} ${r.path}`).not.toContain(words);
    }
    expect(webhooks).not.toContain(words);
  }
  await counselor.context().close();
  await supervisor.context().close();
});

test("text typed into the LINE talk is kept and answered with a button to the secure chat, once per burst", async ({ page, browser, request }) => {
  const counselor = await staffPage(browser, "counselor2");
  const before = await queueSize(counselor);
  const userId = await newYouthOnPhone(page, emulator);
  // Replies name no user (they answer a token): count only what the app sent from here on.
  const earlier = (await emulatorRequests(request)).length;
  const talk = page.getByRole("log", { name: "トーク" });
  const composer = page.getByRole("textbox", { name: "メッセージ" });
  for (const line of ["LINEで書いてしまいました", "もう一行", "さらに一行"]) {
    await composer.fill(line);
    await composer.press("Enter");
    await expect(talk.locator(".row.user").last()).toContainText(line);
  }
  await expect(talk.getByRole("button", { name: "相談チャットを開く" })).toHaveCount(1);
  const replies = (await emulatorRequests(request)).slice(earlier).filter((r) => r.path === "/v2/bot/message/reply" && r.body.includes("相談チャットを開く"));
  expect(replies).toHaveLength(1);
  expect(replies[0]!.body).not.toContain("LINEで書いてしまいました");
  expect(await pushesTo(request, userId)).toHaveLength(0);

  // The counselor sees the words, marked as having come through LINE.
  await claimNewest(counselor, before);
  const messages = counselor.getByTestId("messages");
  await expect(messages.locator("li[data-sender=youth]")).toHaveCount(3);
  await expect(messages.getByTestId("via-line")).toHaveCount(3);

  // The button opens the secure chat on the same consultation.
  const chat = await openSecureChatFromTalk(page);
  await expect(chat.getByRole("log", { name: "相談のやりとり" })).toContainText("LINEで書いてしまいました");
  await counselor.context().close();
});
