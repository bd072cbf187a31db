import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, staffSessions } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { endStaffSession } from "./staff-sessions";

export async function signOutStaff(db: Db, sessionId: string): Promise<void> {
  const [row] = await db
    .select({ id: staff.id, loginId: staff.loginId, revokedAt: staffSessions.revokedAt })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.id, sessionId));
  if (!row || row.revokedAt) return;
  await endStaffSession(db, sessionId, "sign_out");
  await appendAudit(db, { action: "auth.sign_out", actor: { id: row.id, loginId: row.loginId }, target: `staff:${row.id}` });
}
