import { expect, test } from "./fixtures";
import { emulatorPort } from "../playwright.config";
import { createStaffViaAdmin, signIn } from "./helpers";

const emulator = `http://127.0.0.1:${emulatorPort}`;
const password = "midshift-password-long";

test("a counselor deactivated mid-shift loses the session at once, and their youth return to the queue", async ({ browser, request }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await createStaffViaAdmin(admin, { loginId: "midshift", displayName: "途中 交代", role: "相談員", password });

  const { userId } = (await (await request.post(`${emulator}/_emulator/users`, { data: {} })).json()) as { userId: string };
  await request.post(`${emulator}/_emulator/users/${userId}/follow`);
  await request.post(`${emulator}/_emulator/users/${userId}/messages`, { data: { type: "text", text: "話を聞いてほしい" } });

  const counselor = await (await browser.newContext()).newPage();
  await signIn(counselor, "midshift", password);
  const item = counselor.getByTestId("queue").locator("li").last();
  await expect(item).toBeVisible();
  const pseudonym = (await item.locator("span.font-semibold").textContent())!;
  await counselor.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await counselor.waitForURL(/\/console\/c\//);

  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByTestId("staff-row-midshift").getByRole("button", { name: "無効にする" }).click();
  await expect(admin.getByTestId("staff-row-midshift")).toContainText("無効");

  // The page may reload itself first (its refused live stream sends it to the sign-in page), which aborts ours.
  await counselor.reload().catch(() => undefined);
  await expect(counselor).toHaveURL(/\/signin\?reason=deactivated/);

  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, "counselor2");
  await expect(colleague.getByRole("button", { name: `${pseudonym} 担当する` })).toBeVisible();
  await colleague.getByRole("button", { name: `${pseudonym} 担当する` }).click();
  await colleague.waitForURL(/\/console\/c\//);
  await expect(colleague.getByText("担当の相談員がこの相談を続けられなくなったため")).toBeVisible();
  await expect(colleague.getByTestId("messages")).toContainText("話を聞いてほしい");
});
