import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { loadStaffForUpdate } from "./load-staff";
import type { Actor } from "./staff-input";

export async function reactivateStaff(db: Db, staffId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, staffId);
    if (row.active) return;
    await tx.update(staff).set({ active: true, failedAttempts: 0, lockedUntil: null, updatedAt: now() }).where(eq(staff.id, staffId));
    await appendAudit(tx, { action: "staff.reactivated", actor, target: `staff:${staffId}`, details: { loginId: row.loginId } });
  });
}
