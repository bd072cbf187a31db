import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { encryptedColumns } from "@/db/encrypted-columns";
import { decryptField, encryptField, keyIdOf } from "./field";
import type { Keyring } from "./keyring";
import { lookupHash } from "./lookup";

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
      const hashes = (spec.lookupHashes ?? []).filter((h) => h.of === column);
      for (const row of rows) {
        const value = String(row.v);
        if (keyIdOf(value) === keyring.current.id) continue;
        const plaintext = decryptField(keyring, value);
        // The value and its lookup hashes change in one statement: a youth is never found under neither key.
        const assignments = [
          sql`${sql.identifier(column)} = ${encryptField(keyring, plaintext)}`,
          ...hashes.map((h) => sql`${sql.identifier(h.column)} = ${lookupHash(keyring, plaintext)}`),
        ];
        await db.execute(
          sql`update ${sql.identifier(spec.table)} set ${sql.join(assignments, sql`, `)} where ${sql.identifier(spec.key)} = ${row.k} and ${sql.identifier(column)} = ${value}`,
        );
        reencrypted++;
      }
    }
  }
  return { reencrypted };
}
