import { sql } from "drizzle-orm";
import { consultations } from "@/db/schema";

/**
 * The columns that remember who took a consultation first and when; later claims and hand-overs
 * keep them, so the waiting time a report shows ends at the first counselor, not the last.
 */
export function firstClaimColumns(at: Date, staffId: string) {
  // ISO strings with casts: postgres.js cannot bind a Date inside a raw sql expression.
  return {
    firstClaimedAt: sql`coalesce(${consultations.firstClaimedAt}, ${at.toISOString()}::timestamptz)`,
    firstClaimedBy: sql`coalesce(${consultations.firstClaimedBy}, ${staffId}::uuid)`,
  };
}
