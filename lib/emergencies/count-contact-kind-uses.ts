import { count } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emergencyContacts } from "@/db/schema";

/** How many contact entries name each kind, so the admin page can say which kinds reports already use. */
export async function countContactKindUses(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ kindId: emergencyContacts.kindId, uses: count() }).from(emergencyContacts).groupBy(emergencyContacts.kindId);
  return new Map(rows.map((row) => [row.kindId, row.uses]));
}
