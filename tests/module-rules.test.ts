import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const depcruise = path.join(root, "node_modules/.bin/depcruise");
const config = path.join(root, ".dependency-cruiser.cjs");
const run = promisify(execFile);

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The rules broken, as depcruise reports them with the real configuration over `folders` of `cwd`. */
async function violationsIn(cwd: string, folders: string[]): Promise<Violation[]> {
  const { stdout } = await run(depcruise, ["--config", config, "--output-type", "json", ...folders], { cwd, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout).summary.violations;
}

/** The exit status of depcruise with its default reporter, as `npm run lint` runs it. */
async function exitCodeIn(cwd: string, folders: string[]): Promise<number> {
  try {
    await run(depcruise, ["--config", config, ...folders], { cwd });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe("the module rules (npm run lint)", () => {
  it("report a module cycle, db/ importing lib/, a deep import past index.ts and a component importing a route folder", async () => {
    const fixture = path.join(root, "tests/fixtures/module-rules");
    const violations = await violationsIn(fixture, ["app", "components", "db", "lib"]);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
      "components-not-routes: components/Panel.tsx → app/(console)/things/actions.ts",
      "db-not-lib: db/schema.ts → lib/a/index.ts",
      "no-module-cycle: lib/a → lib/b",
      "no-module-cycle: lib/b → lib/a",
      "through-index: lib/c/index.ts → lib/a/internal.ts",
    ]);
    expect(await exitCodeIn(fixture, ["app", "components", "db", "lib"])).not.toBe(0);
  });

  it("pass on the product, cruised as npm run lint:modules does", async () => {
    const script: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts["lint:modules"];
    const folders = script.split(" ").filter((arg) => !arg.startsWith("-") && !["depcruise", ".dependency-cruiser.cjs"].includes(arg));
    expect(folders).toContain("lib");
    expect(await violationsIn(root, folders)).toEqual([]);
  });
}, 180_000);
