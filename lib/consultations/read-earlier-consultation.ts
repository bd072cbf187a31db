import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import type { Keyring } from "@/lib/crypto";
import type { ConsoleActor } from "./actor";
import { authorizeConsultationView } from "./authorize-consultation-view";
import { ConsoleError } from "./errors";
import { listConsultationMessages } from "./list-consultation-messages";

/**
 * The full text of one of the youth's earlier consultations, on demand and audited: only someone who
 * may see the current consultation, and only an earlier one of the same youth.
 */
export async function readEarlierConsultation(db: Db, input: { consultationId: string; earlierId: string }, actor: ConsoleActor, keyring: Keyring) {
  await authorizeConsultationView(db, input.consultationId, actor);
  const [current] = await db.select({ youthId: consultations.youthId }).from(consultations).where(eq(consultations.id, input.consultationId));
  const [earlier] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.id, input.earlierId), eq(consultations.youthId, current!.youthId), eq(consultations.status, "closed")));
  if (!earlier) throw new ConsoleError("not_found");
  await appendAudit(db, { action: "consultation.history_read", actor, target: `consultation:${input.earlierId}`, details: { from: input.consultationId } });
  return listConsultationMessages(db, input.earlierId, keyring);
}
