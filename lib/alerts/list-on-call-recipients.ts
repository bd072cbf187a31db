import { and, asc, gt, isNull, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { onCallEntries } from "@/db/schema";

/** Who is told at `at`: everyone whose roster entry covers it, else the default list. */
export async function listOnCallRecipients(tx: DbOrTx, input: { at: Date; defaultRecipients: readonly string[] }): Promise<string[]> {
  const rows = await tx
    .select({ email: onCallEntries.email })
    .from(onCallEntries)
    .where(and(isNull(onCallEntries.removedAt), lte(onCallEntries.startsAt, input.at), gt(onCallEntries.endsAt, input.at)))
    .orderBy(asc(onCallEntries.startsAt));
  const onCall = [...new Set(rows.map((r) => r.email.toLowerCase()))];
  return onCall.length > 0 ? onCall : [...input.defaultRecipients];
}
