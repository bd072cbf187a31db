import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
/** The main demo runs CHAT_MODE=line. */
export const lineBaseURL = baseURL;
export const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 3211);
/** A second demo in CHAT_MODE=secure (the product's default) for the secure chat's specs, with its own emulator. */
export const securePort = Number(process.env.E2E_SECURE_PORT ?? port + 2);
export const secureBaseURL = `http://localhost:${securePort}`;
export const secureEmulatorPort = Number(process.env.E2E_SECURE_EMULATOR_PORT ?? emulatorPort + 2);
/** e2e/on-call-alerts.spec.ts listens here (an SMTP server, a webhook receiver); the line-mode demo sends its alerts to them. */
export const alertSmtpPort = port + 20;
export const alertWebhookPort = port + 21;
/** e2e/staff-network.spec.ts starts its own app here, with SOUDAN_STAFF_ALLOWED_CIDRS set. */
export const staffNetworkPort = port + 22;

/** Debian's Chromium, started with the flags this closed network needs; nothing downloads a browser. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL, trace: "retain-on-failure", launchOptions: chromium, locale: "ja-JP", timezoneId: "Asia/Tokyo" },
  projects: [
    { name: "laptop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
  ],
  // Started one after the other, so a stale build is rebuilt once, by the first.
  webServer: [
    {
      // A fresh embedded database for every run: the tests create and lock accounts.
      command: "rm -rf .e2e-data && npx tsx scripts/demo.ts",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000,
      // line mode: the console's round trip through the emulator's LINE talk.
      env: {
        PORT: String(port),
        EMULATOR_PORT: String(emulatorPort),
        DATA_DIR: ".e2e-data",
        SOUDAN_LOCKOUT_THRESHOLD: "5",
        CHAT_MODE: "line",
        // On-call alerts go to the spec's own SMTP server and webhook receiver, re-sent every 15 seconds.
        SOUDAN_SMTP_URL: `smtp://127.0.0.1:${alertSmtpPort}`,
        SOUDAN_ALERT_EMAIL_TO: "oncall@city.example.jp",
        SOUDAN_ALERT_WEBHOOK_URL: `http://127.0.0.1:${alertWebhookPort}/hooks/soudan`,
        SOUDAN_ALERT_RESEND_MINUTES: "0.25",
      },
      stdout: "pipe",
    },
    {
      command: "rm -rf .e2e-data-secure && npx tsx scripts/demo.ts",
      url: `${secureBaseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000,
      // secure mode: consultation content only in the LIFF secure chat (e2e/liff.spec.ts, e2e/secure-chat.spec.ts).
      env: { PORT: String(securePort), EMULATOR_PORT: String(secureEmulatorPort), DATA_DIR: ".e2e-data-secure", CHAT_MODE: "secure" },
      stdout: "pipe",
    },
  ],
});
