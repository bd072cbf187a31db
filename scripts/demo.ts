import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, demoStaff, seedDemoStaff } from "./seed-demo-staff";
import { seedExampleCannedResponses } from "@/lib/canned";
import { now } from "@/lib/clock";
import { seedExampleAgencies } from "@/lib/agencies";
import { seedDemoSchedule } from "@/lib/schedule/store";
import { buildIfStale } from "./build-if-stale";
import { openCliDatabase } from "./cli-database";

/**
 * `npm run demo`: the whole product on the embedded database with the LINE emulator beside it, with
 * nothing to configure. The demo's secrets are generated once and kept in DATA_DIR, so its data stays
 * readable across restarts.
 */
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
const port = process.env.PORT || "3000";
const emulatorPort = process.env.EMULATOR_PORT || "3100";
fs.mkdirSync(dataDir, { recursive: true });

interface DemoSecrets {
  encryptionKey: string;
  channelSecret: string;
  channelAccessToken: string;
}

function demoSecrets(): DemoSecrets {
  const file = path.join(dataDir, "demo-secrets.json");
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DemoSecrets>) : {};
  const secrets: DemoSecrets = {
    encryptionKey: existing.encryptionKey ?? randomBytes(32).toString("base64"),
    channelSecret: existing.channelSecret ?? randomBytes(16).toString("hex"),
    channelAccessToken: existing.channelAccessToken ?? randomBytes(32).toString("base64url"),
  };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

const secrets = demoSecrets();
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const appUrl = `http://localhost:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  SOUDAN_DEMO: "1",
  SOUDAN_MUNICIPALITY_NAME: process.env.SOUDAN_MUNICIPALITY_NAME || "武雄市",
  SOUDAN_ENCRYPTION_KEY: process.env.SOUDAN_ENCRYPTION_KEY || secrets.encryptionKey,
  LINE_CHANNEL_SECRET: secrets.channelSecret,
  LINE_CHANNEL_ACCESS_TOKEN: secrets.channelAccessToken,
  LINE_API_BASE_URL: emulatorUrl,
  LINE_DATA_API_BASE_URL: emulatorUrl,
  LINE_LOGIN_CHANNEL_ID: process.env.LINE_LOGIN_CHANNEL_ID || "2000000000",
  LIFF_ID: process.env.LIFF_ID || "2000000000-demo",
};
Object.assign(process.env, env);

buildIfStale(env);

const { database } = await openCliDatabase("npm run demo (seeding)", { requireSecrets: true });
const created = await seedDemoStaff(database.db);
const schedule = await seedDemoSchedule(database.db, now());
// Examples only, marked as such on the admin pages: the city confirms or replaces every agency.
const agencies = await seedExampleAgencies(database.db, { at: now() });
await seedExampleCannedResponses(database.db, { at: now() });
await database.close();
if (created > 0) console.log(`Seeded ${created} demo staff accounts.`);
if (agencies > 0) console.log(`Seeded ${agencies} example support agencies (for the city to confirm) and example canned responses.`);
if (schedule) console.log(`Seeded the demo schedule (version ${schedule.version}): Saturdays, Sundays and holidays 20:00–24:00.`);

const children: ChildProcess[] = [
  spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    stdio: "inherit",
    // The LIFF page on the phone page's own host: LINE shows a LIFF app top-level, and a cross-site frame
    // would cut it off from its storage (the LIFF SDK keeps its state in sessionStorage).
    env: { ...env, EMULATOR_PORT: emulatorPort, EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${port}/api/line/webhook`, LIFF_URL: `http://127.0.0.1:${port}/liff` },
  }),
  // Node itself rather than npx, so a stop signal reaches the server and its database closes cleanly.
  spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } }),
];

/** The emulator plays LINE: give it the rich menu as an operator would with `npm run line:setup`. */
async function setUpRichMenu(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await fetch(`${emulatorUrl}/_emulator/config`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const setup = spawn("npx", ["tsx", "scripts/line-setup.ts"], { stdio: "inherit", env });
  await new Promise((resolve) => setup.on("exit", resolve));
}
await setUpRichMenu();

console.log(`
Soudan demo
  Staff console:  ${appUrl}/signin
  Accounts:       ${demoStaff.map((s) => s.loginId).join(", ")}
  Password:       ${DEMO_PASSWORD}   (demo only; no second factor)
  LINE emulator:  ${emulatorUrl}/   (a phone: add the friend, write as a youth)
  Data:           ${dataDir}
Stop with Ctrl+C.
`);

let stopping = false;
function stopAll(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(signal));
for (const child of children) {
  child.on("exit", (code) => {
    stopAll("SIGTERM");
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
}
