import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeAccess } from "@/app/_server/route-access";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : routeFiles(full);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function routeOf(file: string): string {
  const segments = path.relative("app", path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const files = routeFiles("app");

describe("route access table", () => {
  it("lists exactly the routes that exist", () => {
    expect(files.map(routeOf).sort()).toEqual(Object.keys(routeAccess).sort());
  });

  it.each(files.map((f) => [routeOf(f), f] as const))("%s checks its permission on the server", (route, file) => {
    const action = routeAccess[route as keyof typeof routeAccess];
    const source = fs.readFileSync(file, "utf8");
    if (action === "public") {
      expect(source).not.toMatch(/requireStaff/);
    } else {
      expect(source).toMatch(new RegExp(`requireStaff(ForApi)?\\("${action.replace(".", "\\.")}"\\)`));
    }
  });
});
