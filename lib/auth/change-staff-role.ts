import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { staff, staffGrants } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { AuthError } from "./errors";
import { assertAnotherActiveAdmin, loadStaffForUpdate } from "./load-staff";
import { roleSchema, type Role } from "./roles";
import type { Actor } from "./staff-input";
import { endSessionsOfStaff } from "./staff-sessions";

/**
 * A new role means new permissions: the person signs in again rather than carrying the old ones, and
 * personal grants (records inspection) end too, since they were given to the person in their old role.
 * `onChanged` runs in the same transaction (the console releases consultations a role can no longer hold).
 */
export async function changeStaffRole(
  db: Db,
  staffId: string,
  role: Role,
  actor: Actor,
  onChanged?: (tx: Tx, staffId: string, role: Role) => Promise<unknown>,
): Promise<void> {
  const newRole = roleSchema.parse(role);
  if (staffId === actor.id) throw new AuthError("self_change");
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, staffId);
    if (row.role === newRole) return;
    if (row.role === "admin") await assertAnotherActiveAdmin(tx, staffId);
    await tx.update(staff).set({ role: newRole, updatedAt: now() }).where(eq(staff.id, staffId));
    await endSessionsOfStaff(tx, staffId, "role_changed");
    const ended = await tx.delete(staffGrants).where(eq(staffGrants.staffId, staffId)).returning({ action: staffGrants.action });
    await appendAudit(tx, {
      action: "staff.role_changed",
      actor,
      target: `staff:${staffId}`,
      details: { loginId: row.loginId, from: row.role, to: newRole, ...(ended.length > 0 ? { grantsEnded: ended.map((g) => g.action) } : {}) },
    });
    await onChanged?.(tx, staffId, newRole);
  });
}
