import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { lineQuotaReadings } from "@/db/schema";
import type { LineQuotaReading } from "./read-line-quota";

/** The last quota reading kept, or null before the first one. */
export async function findLineQuotaReading(tx: DbOrTx): Promise<LineQuotaReading | null> {
  const [row] = await tx.select().from(lineQuotaReadings).where(eq(lineQuotaReadings.id, "current"));
  return row ? { limit: row.limit, used: row.used, readAt: row.readAt } : null;
}
