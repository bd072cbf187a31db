import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;

test("the supervisor is alerted when a youth's words raise the risk, without any content in the alert", async ({ browser, request }) => {
  const context = await browser.newContext();
  // Stands in for the browser's notifications: records what would have been shown.
  await context.addInitScript(() => {
    localStorage.setItem("soudan.notify", "1");
    const shown: { title: string; requireInteraction?: boolean }[] = [];
    (window as unknown as { shown: typeof shown }).shown = shown;
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      constructor(title: string, options?: { requireInteraction?: boolean }) {
        shown.push({ title, requireInteraction: options?.requireInteraction });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
  });
  const page = await context.newPage();
  await signIn(page, "supervisor");
  await page.goto("/supervisor");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "yes");

  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  await request.post(`${emulator}/_emulator/users/${userId}/follow`);
  await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text: "もう消えたい" } });

  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shown: { title: string; requireInteraction?: boolean }[] }).shown))
    .toContainEqual({ title: "緊急度の高い相談があります。確認してください", requireInteraction: true });
  const titles = await page.evaluate(() => (window as unknown as { shown: { title: string }[] }).shown.map((s) => s.title).join(" "));
  expect(titles).not.toContain("消えたい");
  await context.close();
});
