import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { encryptedColumns } from "@/db/encrypted-columns";
import * as schema from "@/db/schema";
import { staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createStaff } from "@/lib/auth";
import { ensureYouth } from "@/lib/youths";
import { createKeyring, decryptField, encryptField, rotateKeys } from "./index";
import { keyIdOf } from "./field";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

it("re-encrypts every value under the new key and is idempotent", async () => {
  const oldRing = createKeyring(randomBytes(32).toString("base64"));
  const { id } = await createStaff(database.db, { loginId: "rotator", displayName: "r", role: "city", password: "a long enough password" }, null);
  await database.db.update(staff).set({ totpSecret: encryptField(oldRing, "SECRETBASE32") }).where(eq(staff.id, id));

  const newRing = createKeyring(randomBytes(32).toString("base64"), [oldRing.current.material.toString("base64")]);
  expect(await rotateKeys(database.db, newRing)).toEqual({ reencrypted: 1 });
  const [row] = await database.db.select().from(staff).where(eq(staff.id, id));
  expect(keyIdOf(row!.totpSecret!)).toBe(newRing.current.id);
  expect(decryptField(createKeyring(newRing.current.material.toString("base64")), row!.totpSecret!)).toBe("SECRETBASE32");
  expect(await rotateKeys(database.db, newRing)).toEqual({ reencrypted: 0 });
});

it("lists every encrypted column of the schema, so rotation misses none", async () => {
  const found = (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => t instanceof PgTable)
    .flatMap((t) => {
      const config = getTableConfig(t);
      return config.columns.filter((c) => c.name.endsWith("_enc") || (c.name.startsWith("totp_") && c.name.endsWith("secret"))).map((c) => `${config.name}.${c.name}`);
    });
  const listed = encryptedColumns.flatMap((s) => s.columns.map((c) => `${s.table}.${c}`));
  expect(found.sort()).toEqual(listed.sort());
});

it("recomputes a youth's lookup hash with the value, so they are found after the old key is dropped", async () => {
  // Values from the test above are under a key this test does not know.
  await database.db.update(staff).set({ totpSecret: null });
  const oldKey = randomBytes(32).toString("base64");
  const youth = await ensureYouth(database.db, "U" + "7".repeat(32), createKeyring(oldKey));
  const newKey = randomBytes(32).toString("base64");
  await rotateKeys(database.db, createKeyring(newKey, [oldKey]));
  const found = await ensureYouth(database.db, "U" + "7".repeat(32), createKeyring(newKey));
  expect(found.id).toBe(youth.id);
});
