import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, staffRecoveryCodes } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { loadStaffForUpdate } from "./load-staff";
import type { Actor } from "./staff-input";
import { endSessionsOfStaff } from "./staff-sessions";

/** For a lost phone: the person signs in with their password and enrols a new second factor. */
export async function resetSecondFactor(db: Db, staffId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, staffId);
    await tx
      .update(staff)
      .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, updatedAt: now() })
      .where(eq(staff.id, staffId));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
    await endSessionsOfStaff(tx, staffId, "second_factor_reset");
    await appendAudit(tx, { action: "staff.second_factor_reset", actor, target: `staff:${staffId}`, details: { loginId: row.loginId } });
  });
}
