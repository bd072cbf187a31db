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

/** Builds when there is no build or a source is newer than it, so a pulled change is never served stale. */
export function buildIfStale(env: NodeJS.ProcessEnv): void {
  const buildId = ".next/BUILD_ID";
  const stale = !fs.existsSync(buildId) || newestSourceMtime(["app", "components", "lib", "db"]) > fs.statSync(buildId).mtimeMs;
  if (!stale) return;
  console.log("Building the app (the sources changed since the last build)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
