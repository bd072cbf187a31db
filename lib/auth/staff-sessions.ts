import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, staffGrants, staffSessions } from "@/db/schema";
import { now } from "@/lib/clock";

export type SessionEndReason = "sign_out" | "idle" | "deactivated" | "role_changed" | "second_factor_reset" | "password_reset";

export async function createStaffSession(db: Db, staffId: string, secondFactorDone: boolean): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const at = now();
  await db.insert(staffSessions).values({ id, staffId, secondFactorDone, createdAt: at, lastSeenAt: at });
  return id;
}

export async function endStaffSession(db: Db, sessionId: string, reason: SessionEndReason): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: now(), revokedReason: reason })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt)));
}

/** R9: used when an account is deactivated or changed, so its sessions fail at their very next request. */
export async function endSessionsOfStaff(db: Pick<Db, "update">, staffId: string, reason: SessionEndReason): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: now(), revokedReason: reason })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt)));
}

export type ResolvedSession =
  | {
      status: "active";
      sessionId: string;
      secondFactorDone: boolean;
      /** `grants`: actions given to this person beyond their role (lib/auth/permissions grantableActions). */
      staff: { id: string; loginId: string; displayName: string; role: typeof staff.$inferSelect.role; hasSecondFactor: boolean; grants: string[] };
    }
  | { status: "ended"; reason: SessionEndReason | "unknown" };

/** Writing last_seen on every request would make each page view a write; once a minute is enough for idling. */
const TOUCH_EVERY_MS = 60_000;

/** Checks the session row on every request: revoked, idle or deactivated sessions end here. */
export async function resolveStaffSession(db: Db, sessionId: string, idleMinutes: number): Promise<ResolvedSession> {
  const [row] = await db
    .select({ session: staffSessions, staff })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.id, sessionId));
  if (!row) return { status: "ended", reason: "unknown" };
  if (row.session.revokedAt) return { status: "ended", reason: (row.session.revokedReason as SessionEndReason) ?? "unknown" };
  if (!row.staff.active) {
    await endStaffSession(db, sessionId, "deactivated");
    return { status: "ended", reason: "deactivated" };
  }
  const at = now();
  const idleMs = at.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await endStaffSession(db, sessionId, "idle");
    return { status: "ended", reason: "idle" };
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await db.update(staffSessions).set({ lastSeenAt: at }).where(eq(staffSessions.id, sessionId));
  }
  // Read on every request, like the session itself: a revoked grant stops working at the next page.
  const granted = await db.select({ action: staffGrants.action }).from(staffGrants).where(eq(staffGrants.staffId, row.staff.id));
  return {
    status: "active",
    sessionId,
    secondFactorDone: row.session.secondFactorDone,
    staff: {
      id: row.staff.id,
      loginId: row.staff.loginId,
      displayName: row.staff.displayName,
      role: row.staff.role,
      hasSecondFactor: row.staff.totpSecret !== null,
      grants: granted.map((g) => g.action),
    },
  };
}

/**
 * Whether a session may still receive anything, without counting as activity: a long-lived stream
 * checks this so a deactivated or signed-out person's open tab stops receiving events.
 */
export async function isStaffSessionLive(db: Db, sessionId: string, idleMinutes: number): Promise<boolean> {
  const [row] = await db
    .select({ revokedAt: staffSessions.revokedAt, lastSeenAt: staffSessions.lastSeenAt, active: staff.active })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.id, sessionId));
  if (!row || row.revokedAt || !row.active) return false;
  return now().getTime() - row.lastSeenAt.getTime() <= idleMinutes * 60_000;
}
