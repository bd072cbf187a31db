import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { staff } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createStaff } from "@/lib/auth";
import { createKeyring, decryptField, encryptField, keyIdOf, rotateKeys } from "./index";

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
