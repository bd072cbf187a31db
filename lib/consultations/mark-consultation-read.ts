import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultationReads } from "@/db/schema";

/** The holder has seen the conversation up to `upTo` (its newest message); never moves backwards. */
export async function markConsultationRead(tx: DbOrTx, input: { consultationId: string; staffId: string; upTo: Date }): Promise<void> {
  await tx
    .insert(consultationReads)
    .values({ consultationId: input.consultationId, staffId: input.staffId, readUpTo: input.upTo })
    .onConflictDoUpdate({
      target: [consultationReads.consultationId, consultationReads.staffId],
      set: { readUpTo: sql`greatest(${consultationReads.readUpTo}, excluded.read_up_to)` },
    });
}
