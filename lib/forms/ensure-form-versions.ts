import type { DbOrTx } from "@/db";
import { formVersions } from "@/db/schema";
import { defaultIntakeDefinition, defaultRecordDefinition } from "./default-definitions";

/**
 * Inserts version 1 of each form when the database has none, so a fresh database (migrated by the
 * app, `npm run db:migrate` or a test) can take an intake and close a consultation at once. Several
 * instances starting together insert it once: (kind, version) is unique.
 */
export async function ensureFormVersions(db: DbOrTx): Promise<void> {
  await db
    .insert(formVersions)
    .values([
      { kind: "intake", version: 1, definition: defaultIntakeDefinition, note: "version 1" },
      { kind: "record", version: 1, definition: defaultRecordDefinition, note: "version 1" },
    ])
    .onConflictDoNothing();
}
