import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The newest modification time under the folders the build is made from. */
function newestSourceMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/**
 * What the build bakes in from the environment: next.config.ts lets the demo's emulator frame /liff,
 * naming its host with any port. A build made for something else (a plain `npm run build`) is rebuilt
 * rather than served to the demo; demos on other ports (the e2e tests run two) share one build.
 */
function flavourOf(env: NodeJS.ProcessEnv): string {
  const api = env.LINE_API_BASE_URL ? new URL(env.LINE_API_BASE_URL) : null;
  return JSON.stringify({ demo: env.SOUDAN_DEMO ?? "", lineApi: api ? `${api.protocol}//${api.hostname}` : "" });
}

const FLAVOUR_FILE = ".next/soudan-build-flavour.json";

/** Builds when there is no build, a source is newer than it, or it was made for another environment. */
export function buildIfStale(env: NodeJS.ProcessEnv): void {
  const buildId = ".next/BUILD_ID";
  const current = fs.existsSync(FLAVOUR_FILE) ? fs.readFileSync(FLAVOUR_FILE, "utf8") : null;
  const stale =
    !fs.existsSync(buildId) || current !== flavourOf(env) || newestSourceMtime(["app", "components", "lib", "db"]) > fs.statSync(buildId).mtimeMs;
  if (!stale) return;
  console.log("Building the app (no build yet, the sources changed, or it was built for another environment)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(FLAVOUR_FILE, flavourOf(env));
}
