import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emergencies } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { admitSecondResponder, type ConsoleActor } from "@/lib/consultations";
import { publishConsoleEvent } from "@/lib/realtime";
import { EmergencyError } from "./errors";
import { loadEmergencyForUpdate } from "./load-emergency-for-update";

/**
 * A supervisor joins as the second responder (the MHLW guideline's two people: one stays with the youth,
 * the other contacts agencies) and may write in the conversation until it closes. Joining again is a
 * no-op; a second supervisor is refused, so the report names who was there.
 */
export async function joinEmergency(db: Db, input: { emergencyId: string; at: Date }, actor: ConsoleActor): Promise<void> {
  await db.transaction(async (tx) => {
    const emergency = await loadEmergencyForUpdate(tx, input.emergencyId, actor);
    if (emergency.joinedBy === actor.id) return;
    if (emergency.joinedBy) throw new EmergencyError("already_joined");
    await admitSecondResponder(tx, { consultationId: emergency.consultationId }, actor);
    await tx.update(emergencies).set({ joinedAt: input.at, joinedBy: actor.id }).where(eq(emergencies.id, emergency.id));
    await appendAudit(tx, { action: "emergency.joined", actor, target: `emergency:${emergency.id}`, details: { consultationId: emergency.consultationId } });
    await publishConsoleEvent(tx, { kind: "emergency", consultationId: emergency.consultationId });
  });
}
