import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const specifiers = (file: string) => [...fs.readFileSync(file, "utf8").matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gms)].map((m) => m[1]!);

const resolve = (target: string) => (fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, "index.ts"));

/** Every module reachable from `entry` through relative and `@/` imports, and the packages they import. */
function importGraph(entry: string) {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const specifier of specifiers(file)) {
      if (specifier.startsWith(".")) visit(resolve(path.resolve(path.dirname(file), specifier)));
      else if (specifier.startsWith("@/")) visit(resolve(path.join(root, specifier.slice(2))));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { modules: [...modules].map((file) => path.relative(here, file)), packages: [...packages].sort() };
}

describe("lib/schedule's main entry", () => {
  // Client components (the admin schedule form) import the schema and formatters from here; the
  // database use cases must stay behind lib/schedule/store so no driver reaches the browser bundle.
  it("reaches no database code and only calendar and validation packages", () => {
    const { modules, packages } = importGraph(path.join(here, "index.ts"));
    expect(modules).toContain("parse-schedule.ts");
    expect(modules).toContain("../calendar/index.ts");
    expect(modules.filter((m) => m.startsWith("store"))).toEqual([]);
    expect(packages).toEqual(["@date-fns/tz", "@holiday-jp/holiday_jp", "date-fns", "date-fns/locale", "zod"]);
  });
});
