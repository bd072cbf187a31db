import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations, staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { publishConsoleEvent } from "@/lib/realtime";
import type { ConsoleActor } from "./actor";
import { ConsoleError } from "./errors";
import { firstClaimColumns } from "./first-claim";
import { loadConsultationForUpdate } from "./load-consultation-for-update";

/**
 * Hands a consultation to another active counselor or supervisor, or (`toStaffId: null`) back to the
 * queue. Its holder or a supervisor (reassigning) may do it. The receiver's limit is not enforced:
 * a supervisor reassigning during an emergency must not be stopped by it.
 */
export async function transferConsultation(db: Db, input: { consultationId: string; toStaffId: string | null; at: Date }, actor: ConsoleActor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadConsultationForUpdate(tx, input.consultationId, actor, { supervisorToo: true });
    if (input.toStaffId) {
      const [target] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.id, input.toStaffId), eq(staff.active, true), inArray(staff.role, ["counselor", "supervisor"])));
      if (!target || input.toStaffId === row.assignedTo) throw new ConsoleError("invalid_target");
    }
    await tx
      .update(consultations)
      .set({ assignedTo: input.toStaffId, claimedAt: input.toStaffId ? input.at : null, ...(input.toStaffId ? firstClaimColumns(input.at, input.toStaffId) : {}) })
      .where(eq(consultations.id, row.id));
    await appendAudit(tx, {
      action: "consultation.transferred",
      actor,
      target: `consultation:${row.id}`,
      details: { from: row.assignedTo, to: input.toStaffId ?? "queue" },
    });
    await publishConsoleEvent(tx, { kind: "assignment", consultationId: row.id, ...(input.toStaffId ? { staffId: input.toStaffId } : {}) });
    if (!input.toStaffId) await publishConsoleEvent(tx, { kind: "queue", consultationId: row.id });
  });
}
