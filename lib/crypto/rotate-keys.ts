import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { encryptedColumns } from "@/db/encrypted-columns";
import { decryptField, encryptField, keyIdOf } from "./field";
import type { Keyring } from "./keyring";

/** The drivers shape raw results differently: postgres.js returns an array, PGlite an object with rows. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);
}

/** Re-encrypts every value not under the current key; safe to run again after an interruption. */
export async function rotateKeys(db: Db, keyring: Keyring): Promise<{ reencrypted: number }> {
  let reencrypted = 0;
  for (const spec of encryptedColumns) {
    for (const column of spec.columns) {
      const rows = rowsOf(
        await db.execute(
          sql`select ${sql.identifier(spec.key)} as k, ${sql.identifier(column)} as v from ${sql.identifier(spec.table)} where ${sql.identifier(column)} is not null`,
        ),
      );
      for (const row of rows) {
        const value = String(row.v);
        if (keyIdOf(value) === keyring.current.id) continue;
        const fresh = encryptField(keyring, decryptField(keyring, value));
        await db.execute(
          sql`update ${sql.identifier(spec.table)} set ${sql.identifier(column)} = ${fresh} where ${sql.identifier(spec.key)} = ${row.k} and ${sql.identifier(column)} = ${value}`,
        );
        reencrypted++;
      }
    }
  }
  return { reencrypted };
}
