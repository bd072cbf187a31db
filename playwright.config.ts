import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
export const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 3211);

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
  webServer: {
    // A fresh embedded database for every run: the tests create and lock accounts.
    command: "rm -rf .e2e-data && npx tsx scripts/demo.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    // line mode: the counselor console round trip goes through the emulator's LINE talk (the secure chat has no youth page yet).
    env: { PORT: String(port), EMULATOR_PORT: String(emulatorPort), DATA_DIR: ".e2e-data", SOUDAN_LOCKOUT_THRESHOLD: "5", CHAT_MODE: "line" },
    stdout: "pipe",
  },
});
