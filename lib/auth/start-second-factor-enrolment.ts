import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { decryptField, encryptField, type Keyring } from "@/lib/crypto";
import { AuthError } from "./errors";
import { createTotpSecret, totpUri } from "./totp";

/** Keeps a pending secret until a code proves the authenticator app has it; reloading the page shows the same one. */
export async function startSecondFactorEnrolment(db: Db, staffId: string, keyring: Keyring): Promise<{ secret: string; uri: string }> {
  const [row] = await db.select().from(staff).where(eq(staff.id, staffId));
  if (!row) throw new AuthError("not_found");
  let secret = row.totpPendingSecret ? decryptField(keyring, row.totpPendingSecret) : null;
  if (!secret) {
    secret = createTotpSecret();
    await db.update(staff).set({ totpPendingSecret: encryptField(keyring, secret) }).where(eq(staff.id, staffId));
  }
  return { secret, uri: totpUri(secret, row.loginId) };
}
