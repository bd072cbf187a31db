import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { staffGrants } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { AuthError } from "./errors";
import { loadStaffForUpdate } from "./load-staff";
import { grantableActions, type GrantableAction } from "./permissions";
import type { Actor } from "./staff-input";

/** Takes a personal grant back; it stops working at the person's next request (the guard reads grants each time). */
export async function revokeStaffPermission(db: Db, staffId: string, action: GrantableAction, actor: Actor): Promise<void> {
  const revoked = z.enum(grantableActions).parse(action);
  if (staffId === actor.id) throw new AuthError("self_change");
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, staffId);
    const deleted = await tx
      .delete(staffGrants)
      .where(and(eq(staffGrants.staffId, staffId), eq(staffGrants.action, revoked)))
      .returning({ staffId: staffGrants.staffId });
    if (deleted.length === 0) return;
    await appendAudit(tx, { action: "staff.permission_revoked", actor, target: `staff:${staffId}`, details: { loginId: row.loginId, role: row.role, permission: revoked } });
  });
}
