import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { deleteLoginThrottle } from "./sign-in-throttle";
import { loadStaffForUpdate } from "./load-staff";
import type { Actor } from "./staff-input";

/** An administrator lifts a lockout at once: the account's lock, its failure count and its login id's throttle. */
export async function unlockStaff(db: Db, input: { staffId: string; at: Date }, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, input.staffId);
    await tx.update(staff).set({ failedAttempts: 0, lockedUntil: null, updatedAt: input.at }).where(eq(staff.id, input.staffId));
    await deleteLoginThrottle(tx, row.loginId);
    await appendAudit(tx, { action: "staff.unlocked", actor, target: `staff:${input.staffId}`, details: { loginId: row.loginId } });
  });
}
