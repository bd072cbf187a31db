import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";

export type Consultation = typeof consultations.$inferSelect;
export type Channel = Consultation["channel"];

export async function findOpenConsultation(tx: DbOrTx, youthId: string): Promise<Consultation | null> {
  const [row] = await tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.youthId, youthId), eq(consultations.status, "open")))
    .orderBy(desc(consultations.openedAt))
    .limit(1);
  return row ?? null;
}

/** One consultation per conversation, not one endless thread per youth: a new one opens after the last closed. */
export async function openConsultation(tx: DbOrTx, youthId: string, channel: Channel, at: Date): Promise<Consultation> {
  const [row] = await tx.insert(consultations).values({ youthId, channel, openedAt: at }).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}
