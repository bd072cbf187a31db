import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { createStaffViaAdmin, signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;

function write(request: APIRequestContext, userId: string, text: string) {
  return request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text } });
}

async function queuePseudonyms(page: Page): Promise<string[]> {
  await page.goto("/console");
  return page.getByTestId("queue").locator("li span.font-semibold").allTextContents();
}

test("a conversation page shows a youth's messages while they keep writing, not only once they stop", async ({ page, request }) => {
  // A counselor of its own: the consultation stays held, and the demo counselors' slots are for the other specs.
  const counselor = { loginId: `live${Date.now()}`, displayName: "ライブ確認", role: "相談員", password: "live-refresh-password" };
  await signIn(page, "admin");
  await createStaffViaAdmin(page, counselor);
  await page.context().clearCookies();
  await signIn(page, counselor.loginId, counselor.password);
  const before = await queuePseudonyms(page);
  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  expect((await request.post(`${emulator}/_emulator/users/${userId}/follow`)).ok()).toBe(true);
  expect((await write(request, userId, "はなしを聞いてほしい")).ok()).toBe(true);
  await expect.poll(async () => (await queuePseudonyms(page)).length).toBe(before.length + 1);
  const pseudonym = (await queuePseudonyms(page)).find((p) => !before.includes(p))!;
  await page.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await page.waitForURL(/\/console\/c\//);
  const status = page.getByTestId("live-status");
  await expect(status).toHaveAttribute("data-connected", "yes");

  // A message every 50 ms for 3 s, each sent without waiting for the one before: the events come closer
  // together than the 150 ms a debounce waits for quiet, so a debounced page would show none of them until the end.
  // (At one every 100 ms the server's own pauses sometimes spaced two events more than 150 ms apart.)
  const seen = page
    .getByTestId("messages")
    .getByText(/^つづき \d+$/)
    .first()
    .waitFor({ state: "attached", timeout: 20_000 })
    .then(() => Date.now());
  const sent: ReturnType<typeof write>[] = [];
  for (let i = 1; i <= 60; i++) {
    sent.push(write(request, userId, `つづき ${i}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const streamEnded = Date.now();
  for (const response of await Promise.all(sent)) expect(response.ok()).toBe(true);
  const firstShown = await seen;
  expect(firstShown, `the first message showed ${firstShown - streamEnded} ms after the last was sent`).toBeLessThan(streamEnded);

  // Once the stream stops, the trailing refresh brings the page up to the last message.
  await expect(page.getByTestId("messages").getByText("つづき 60", { exact: true })).toBeAttached();
  await expect(status).toHaveAttribute("data-refreshing", "no");
});
