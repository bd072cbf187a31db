import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emergencies } from "@/db/schema";
import { loadConsultationForUpdate, type ConsoleActor } from "@/lib/consultations";
import { EmergencyError } from "./errors";

/**
 * Locks the consultation, then the emergency (always in that order, as startEmergency does), and checks
 * the actor is one of its responders: the consultation's holder, or a supervisor. An ended one is refused.
 */
export async function loadEmergencyForUpdate(tx: Tx, emergencyId: string, actor: ConsoleActor) {
  const [found] = await tx.select({ consultationId: emergencies.consultationId }).from(emergencies).where(eq(emergencies.id, emergencyId));
  if (!found) throw new EmergencyError("not_found");
  await loadConsultationForUpdate(tx, found.consultationId, actor, { supervisorToo: true });
  const [row] = await tx.select().from(emergencies).where(eq(emergencies.id, emergencyId)).for("update");
  if (!row) throw new EmergencyError("not_found");
  if (row.endedAt) throw new EmergencyError("ended");
  return row;
}
