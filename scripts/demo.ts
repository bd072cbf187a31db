import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, demoStaff, seedDemoStaff } from "@/db/seed";
import { openCliDatabase } from "./cli-database";

/**
 * `npm run demo`: the whole product on the embedded database, with nothing to configure.
 * The demo's key is generated once and kept in DATA_DIR, so the demo data stays readable across restarts.
 */
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
const port = process.env.PORT || "3000";
fs.mkdirSync(dataDir, { recursive: true });

function demoKey(): string {
  const file = path.join(dataDir, "demo-secrets.json");
  if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { encryptionKey: string }).encryptionKey;
  const encryptionKey = randomBytes(32).toString("base64");
  fs.writeFileSync(file, JSON.stringify({ encryptionKey }), { mode: 0o600 });
  return encryptionKey;
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  SOUDAN_DEMO: "1",
  SOUDAN_ENCRYPTION_KEY: process.env.SOUDAN_ENCRYPTION_KEY || demoKey(),
};
Object.assign(process.env, env);

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("Building the app (first run only)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { database } = await openCliDatabase("npm run demo (seeding)", { requireSecrets: true });
const created = await seedDemoStaff(database.db);
await database.close();
if (created > 0) console.log(`Seeded ${created} demo staff accounts.`);

const app = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });

const url = `http://localhost:${port}`;
console.log(`
Soudan demo
  Staff console:  ${url}/signin
  Accounts:       ${demoStaff.map((s) => s.loginId).join(", ")}
  Password:       ${DEMO_PASSWORD}   (demo only; no second factor)
  Data:           ${dataDir}
Stop with Ctrl+C.
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => app.kill(signal));
}
app.on("exit", (code) => process.exit(code ?? 0));
