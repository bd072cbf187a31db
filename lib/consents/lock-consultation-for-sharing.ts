import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consultations, supportAgencies } from "@/db/schema";
import { authorizeConsultationView, ConsoleError, type ConsoleActor } from "@/lib/consultations";

/**
 * Who may write a consultation's consents and exceptions: whoever may read it (its holder, its last
 * holder while the record is owed, supervisors). New ones only while it is open or its record is owed;
 * a withdrawal (`anyPhase`) may come later. Locks the consultation so closing and these writes take turns:
 * a close never sees a consent half-withdrawn.
 */
export async function lockConsultationForSharing(tx: Tx, consultationId: string, actor: ConsoleActor, options: { anyPhase: boolean }) {
  const view = await authorizeConsultationView(tx, consultationId, actor);
  if (!options.anyPhase && view.phase === "closed" && !view.canFinishRecord) throw new ConsoleError("closed");
  await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.id, consultationId)).for("update");
  return view;
}

export async function agencyIsListed(tx: Tx, agencyId: string): Promise<boolean> {
  const [agency] = await tx.select({ id: supportAgencies.id }).from(supportAgencies).where(and(eq(supportAgencies.id, agencyId), eq(supportAgencies.active, true)));
  return Boolean(agency);
}
