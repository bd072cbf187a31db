import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { consultations, staff } from "@/db/schema";
import { phaseOf, type ConsultationPhase } from "./phase";

/**
 * Who holds a consultation now, by display name only, for the counselor it was refused to (lost the
 * claim race, or reassigned away by a supervisor): they learn whom to talk to, and nothing of the
 * conversation. Null when there is no such consultation.
 */
export async function describeConsultationHolder(tx: DbOrTx, consultationId: string): Promise<{ phase: ConsultationPhase; holderName: string | null } | null> {
  const [row] = await tx
    .select({ status: consultations.status, assignedTo: consultations.assignedTo, holderName: staff.displayName })
    .from(consultations)
    .leftJoin(staff, eq(staff.id, consultations.assignedTo))
    .where(eq(consultations.id, consultationId));
  if (!row) return null;
  const phase = phaseOf(row);
  return { phase, holderName: phase === "active" ? row.holderName : null };
}
