import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError, openDatabase } from "./client";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-lock-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("keeps a second process out of an embedded database in use, and says so", async () => {
  const first = await openDatabase({ kind: "pglite", dataDir: dir, holder: "the Soudan app" });
  const lock = JSON.parse(fs.readFileSync(path.join(dir, "soudan.lock"), "utf8"));
  expect(lock).toMatchObject({ pid: process.pid, holder: "the Soudan app" });
  // Pretend the lock belongs to another live process (this test's parent).
  fs.writeFileSync(path.join(dir, "soudan.lock"), JSON.stringify({ pid: process.ppid, holder: "the Soudan app" }));
  const error = await openDatabase({ kind: "pglite", dataDir: dir, holder: "a CLI" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EmbeddedDatabaseBusyError);
  expect((error as Error).message).toMatch(/in use by the Soudan app \(pid \d+\)\. Stop it first, or set DATABASE_URL/);
  fs.writeFileSync(path.join(dir, "soudan.lock"), JSON.stringify(lock));
  await first.close();
  expect(fs.existsSync(path.join(dir, "soudan.lock"))).toBe(false);
});

it("takes over a lock left by a process that died", async () => {
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
  fs.writeFileSync(path.join(dir, "soudan.lock"), JSON.stringify({ pid: Number(dead), holder: "crashed app" }));
  const database = await openDatabase({ kind: "pglite", dataDir: dir, holder: "a CLI" });
  await database.close();
});

it("releases the lock when the holding process exits without closing (as Next does on SIGTERM)", () => {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "-e", `import { openDatabase } from "./db/client.ts"; await openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(dir)}, holder: "child" }); process.exit(0);`],
    { encoding: "utf8" },
  );
  expect(child.status).toBe(0);
  expect(fs.existsSync(path.join(dir, "soudan.lock"))).toBe(false);
});

it("makes a new embedded data directory in a child process, so this one does not keep initdb's memory", async () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "soudan-initdb-"));
  const before = process.memoryUsage().external;
  const database = await openDatabase({ kind: "pglite", dataDir: fresh, holder: "the Soudan app" });
  try {
    expect(fs.existsSync(path.join(fresh, "pgdata", "PG_VERSION"))).toBe(true);
    // The shared buffers live in this process's memory too: a quarter of PostgreSQL's default.
    const setting = (await database.db.execute(sql`select current_setting('shared_buffers') as size`)) as unknown as { rows: unknown[] };
    expect(setting.rows).toEqual([{ size: "32MB" }]);
    // Made here, initdb leaves about 630 MB of WebAssembly memory behind; opening a made one takes about 200 MB.
    expect((process.memoryUsage().external - before) / 1024 / 1024).toBeLessThan(400);
  } finally {
    await database.close();
    fs.rmSync(fresh, { recursive: true, force: true });
  }
});
