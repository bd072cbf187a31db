import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditLog } from "@/db/schema";
import { appendAudit, listAudit, verifyAuditChain } from "./index";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function appendSome(n: number) {
  for (let i = 0; i < n; i++) {
    await appendAudit(database.db, {
      action: "auth.sign_in",
      actor: null,
      actorLabel: `user${i}`,
      target: `staff:${i}`,
      details: { b: i, a: "順序", nested: { z: 1, y: [1, "2"] } },
    });
  }
}

describe("audit log", () => {
  it("chains rows and verifies an intact chain", async () => {
    await appendSome(5);
    const result = await verifyAuditChain(database.db);
    expect(result).toEqual({ ok: true, rows: 5 });
    const newest = await listAudit(database.db, 2);
    expect(newest.map((r) => r.seq)).toEqual([5, 4]);
    expect(newest[0]!.prevHash).toBe(newest[1]!.hash);
  });

  it("keeps the chain linear under concurrent appends", async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => appendAudit(database.db, { action: "access.denied", actorLabel: `c${i}` })));
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 15 });
  });

  it("refuses UPDATE and DELETE from the application", async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(database.db.delete(auditLog)).rejects.toThrow();
  });

  it("names the first row changed by hand, even with the trigger disabled", async () => {
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(sql`update audit_log set target = 'staff:forged' where seq = 3`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, rows: 2, seq: 3, problem: "tampered" });
    await database.db.execute(sql`update audit_log set target = 'staff:2' where seq = 3`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("names a missing row", async () => {
    await database.db.execute(sql`delete from audit_log where seq = 7`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, rows: 6, seq: 7, problem: "missing" });
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
});
