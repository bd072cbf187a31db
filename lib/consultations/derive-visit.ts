import { and, eq, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import type { VisitKind } from "./record-form";

/**
 * 新規 or 継続, as the service can tell: 継続 when the same youth (the same LINE account) had a
 * consultation received before this one, 新規 otherwise. The counselor confirms it in the record,
 * because a youth may have consulted from another account or by phone.
 */
export async function deriveVisit(tx: DbOrTx, consultationId: string): Promise<VisitKind> {
  const [row] = await tx
    .select({ earlier: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(sql`consultations as this`, sql`this.id = ${consultationId}`)
    .where(and(eq(consultations.youthId, sql`this.youth_id`), lt(consultations.openedAt, sql`this.opened_at`), ne(consultations.id, consultationId)));
  return Number(row?.earlier ?? 0) > 0 ? "continuing" : "new";
}
