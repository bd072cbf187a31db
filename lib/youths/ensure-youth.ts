import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { youths } from "@/db/schema";
import { encryptField, lookupHash, lookupHashes, type Keyring } from "@/lib/crypto";
import { createPseudonym } from "./pseudonym";

export type Youth = typeof youths.$inferSelect;

/** Finds the youth behind a LINE user id, creating them on first contact. The LINE profile is never fetched. */
export async function ensureYouth(tx: DbOrTx, lineUserId: string, keyring: Keyring): Promise<Youth> {
  const [found] = await tx.select().from(youths).where(inArray(youths.lineUserHash, lookupHashes(keyring, lineUserId)));
  if (found) return found;
  const [created] = await tx
    .insert(youths)
    .values({ lineUserHash: lookupHash(keyring, lineUserId), lineUserIdEnc: encryptField(keyring, lineUserId), pseudonym: createPseudonym() })
    .onConflictDoNothing({ target: youths.lineUserHash })
    .returning();
  if (created) return created;
  const [raced] = await tx.select().from(youths).where(eq(youths.lineUserHash, lookupHash(keyring, lineUserId)));
  if (!raced) throw new Error("youth vanished after a conflicting insert");
  return raced;
}
