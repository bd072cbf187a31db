import { z } from "zod";
import type { Db } from "@/db";
import { staffGrants } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { AuthError } from "./errors";
import { loadStaffForUpdate } from "./load-staff";
import { grantableActions, type GrantableAction } from "./permissions";
import type { Actor } from "./staff-input";

const grantableSchema = z.enum(grantableActions);

/**
 * R20: gives one person an action their role does not carry (records inspection). Nobody grants it to
 * themselves, so reading what youth confided always takes a second person. Granting twice is a no-op.
 */
export async function grantStaffPermission(db: Db, staffId: string, action: GrantableAction, actor: Actor): Promise<void> {
  const granted = grantableSchema.parse(action);
  if (staffId === actor.id) throw new AuthError("self_change");
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, staffId);
    if (!row.active) throw new AuthError("inactive");
    const inserted = await tx
      .insert(staffGrants)
      .values({ staffId, action: granted, grantedAt: now(), grantedBy: actor.id })
      .onConflictDoNothing()
      .returning({ staffId: staffGrants.staffId });
    if (inserted.length === 0) return;
    await appendAudit(tx, { action: "staff.permission_granted", actor, target: `staff:${staffId}`, details: { loginId: row.loginId, role: row.role, permission: granted } });
  });
}

