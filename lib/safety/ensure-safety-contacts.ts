import type { DbOrTx } from "@/db";
import { safetyContacts } from "@/db/schema";
import { defaultSafetyContacts } from "./default-contacts";

/**
 * Seeds the national numbers once (app start, CLIs, test databases, beside the first form versions).
 * An admin's edits are never overwritten: a seeded row is recognised by its seed key and left alone.
 */
export async function ensureSafetyContacts(db: DbOrTx): Promise<void> {
  await db.insert(safetyContacts).values(defaultSafetyContacts).onConflictDoNothing({ target: safetyContacts.seedKey });
}
