import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";

/** Consultations whose youth left the queue before being answered, closed in [from, to). */
export async function countAbandonedConsultations(tx: DbOrTx, from: Date, to: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(and(eq(consultations.closeReason, "abandoned"), gte(consultations.closedAt, from), lt(consultations.closedAt, to)));
  return row?.n ?? 0;
}
