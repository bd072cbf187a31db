import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { loadStaffForUpdate } from "./load-staff";
import { hashPassword } from "./password";
import { passwordSchema } from "./password-policy";
import { deleteLoginThrottle } from "./sign-in-throttle";
import type { Actor } from "./staff-input";
import { endSessionsOfStaff } from "./staff-sessions";

/**
 * For a forgotten password: the administrator sets a new one and tells the person by another channel.
 * Their sessions end and any lockout is lifted; the second factor stays as it is.
 */
export async function resetStaffPassword(db: Db, input: { staffId: string; password: string; at: Date }, actor: Actor): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  await db.transaction(async (tx) => {
    const row = await loadStaffForUpdate(tx, input.staffId);
    await tx.update(staff).set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: input.at }).where(eq(staff.id, input.staffId));
    await deleteLoginThrottle(tx, row.loginId);
    await endSessionsOfStaff(tx, input.staffId, "password_reset");
    await appendAudit(tx, { action: "staff.password_reset", actor, target: `staff:${input.staffId}`, details: { loginId: row.loginId } });
  });
}
