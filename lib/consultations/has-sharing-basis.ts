import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { consents, sharingExceptions } from "@/db/schema";

/**
 * Whether a consultation may pass information on (R11): a consent not withdrawn, or an R10 exception.
 * lib/consents writes both under this consultation's row lock, which the closing transaction holds;
 * the rule lives here because closing is this module's.
 */
export async function hasSharingBasis(tx: Tx, consultationId: string): Promise<boolean> {
  const [consent] = await tx.select({ id: consents.id }).from(consents).where(and(eq(consents.consultationId, consultationId), isNull(consents.withdrawnAt))).limit(1);
  if (consent) return true;
  const [exception] = await tx.select({ id: sharingExceptions.id }).from(sharingExceptions).where(eq(sharingExceptions.consultationId, consultationId)).limit(1);
  return Boolean(exception);
}
