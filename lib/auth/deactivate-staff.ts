import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { AuthError } from "./errors";
import { assertAnotherActiveAdmin, loadStaffForUpdate } from "./load-staff";
import type { Actor } from "./staff-input";
import { endSessionsOfStaff } from "./staff-sessions";

/**
 * R9: the city may demand a staff member be replaced; their open sessions end at the next request.
 * `onDeactivated` runs in the same transaction: the console passes releaseConsultationsOf, so the
 * person's consultations return to the queue atomically with the deactivation (lib/auth stays
 * independent of lib/consultations).
 */
export async function deactivateStaff(db: Db, staffId: string, actor: Actor, onDeactivated?: (tx: Tx, staffId: string) => Promise<unknown>): Promise<void> {
  if (staffId === actor.id) throw new AuthError("self_change");
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, staffId);
    if (!row.active) return;
    if (row.role === "admin") await assertAnotherActiveAdmin(tx, staffId);
    await tx.update(staff).set({ active: false, updatedAt: now() }).where(eq(staff.id, staffId));
    await endSessionsOfStaff(tx, staffId, "deactivated");
    await appendAudit(tx, { action: "staff.deactivated", actor, target: `staff:${staffId}`, details: { loginId: row.loginId } });
    await onDeactivated?.(tx, staffId);
  });
}
