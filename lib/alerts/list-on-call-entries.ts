import { and, asc, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { onCallEntries } from "@/db/schema";

/** The roster from now on (entries already over are history, kept but not listed). */
export async function listOnCallEntries(tx: DbOrTx, input: { at: Date }) {
  return tx
    .select({ id: onCallEntries.id, name: onCallEntries.name, email: onCallEntries.email, startsAt: onCallEntries.startsAt, endsAt: onCallEntries.endsAt })
    .from(onCallEntries)
    .where(and(isNull(onCallEntries.removedAt), gt(onCallEntries.endsAt, input.at)))
    .orderBy(asc(onCallEntries.startsAt));
}
