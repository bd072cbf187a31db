import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emergencies } from "@/db/schema";
import { raiseAlert } from "@/lib/alerts";
import { appendAudit } from "@/lib/audit";
import { loadConsultationForUpdate, type ConsoleActor } from "@/lib/consultations";
import { publishConsoleEvent } from "@/lib/realtime";

/** An emergency pages at the highest level, as a high-risk message does. */
const EMERGENCY_ALERT_LEVEL = 2;

/**
 * Starts 緊急対応 on an open consultation: its holder or a supervisor. A second start (a double click, the
 * holder and a supervisor at once) is the same emergency: the consultation's row lock serialises them and
 * the unique consultation id keeps one row. Supervisors' consoles hear of it at once, and the people on
 * call are paged (raiseAlert, kind emergency) like for a high-risk message.
 */
export async function startEmergency(db: Db, input: { consultationId: string; at: Date }, actor: ConsoleActor): Promise<{ emergencyId: string; started: boolean }> {
  return db.transaction(async (tx) => {
    const consultation = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    const [inserted] = await tx
      .insert(emergencies)
      .values({ consultationId: consultation.id, startedAt: input.at, startedBy: actor.id })
      .onConflictDoNothing({ target: emergencies.consultationId })
      .returning({ id: emergencies.id });
    if (!inserted) {
      const [existing] = await tx.select({ id: emergencies.id }).from(emergencies).where(eq(emergencies.consultationId, consultation.id));
      return { emergencyId: existing!.id, started: false };
    }
    await appendAudit(tx, { action: "emergency.started", actor, target: `emergency:${inserted.id}`, details: { consultationId: consultation.id } });
    await publishConsoleEvent(tx, { kind: "emergency", consultationId: consultation.id });
    await raiseAlert(tx, { consultationId: consultation.id, kind: "emergency", level: EMERGENCY_ALERT_LEVEL, at: input.at });
    return { emergencyId: inserted.id, started: true };
  });
}
