import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { staff, staffRecoveryCodes } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { decryptField, type Keyring } from "@/lib/crypto";
import { AuthError } from "./errors";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { signInThrottleFor, type SignInThrottle, type ThrottlePolicy } from "./sign-in-throttle";
import { createStaffSession } from "./staff-sessions";
import { hashRecoveryCode, verifyTotp } from "./totp";

export interface SignInInput {
  loginId: string;
  password: string;
  code?: string;
  /** The client's address as the trusted proxy reports it; null when unknown (no per-address throttle then). */
  address: string | null;
}

export interface SignInPolicy extends ThrottlePolicy {
  /** Outside the demo every account needs a second factor; one without it may only enrol. */
  requireSecondFactor: boolean;
  keyring: Keyring;
}

export interface SignedIn {
  staffId: string;
  sessionId: string;
  secondFactorDone: boolean;
}

type StaffRow = typeof staff.$inferSelect;

/**
 * Unknown login, wrong password and locked account get one answer, so login ids cannot be probed; the
 * per-login count covers unknown ids exactly as known ones, so "must wait" says nothing either.
 */
async function refuse(throttle: SignInThrottle, input: SignInInput, code: "invalid_credentials" | "code_invalid" = "invalid_credentials"): Promise<never> {
  await throttle.recordFailure(input.loginId, input.address);
  throw new AuthError(code);
}

async function recordFailure(db: Db, row: StaffRow, policy: SignInPolicy, reason: string): Promise<void> {
  const [updated] = await db
    .update(staff)
    .set({ failedAttempts: sql`${staff.failedAttempts} + 1` })
    .where(eq(staff.id, row.id))
    .returning({ failedAttempts: staff.failedAttempts });
  await appendAudit(db, { action: "auth.sign_in_failed", actorLabel: row.loginId, target: `staff:${row.id}`, details: { reason } });
  if ((updated?.failedAttempts ?? 0) >= policy.lockoutThreshold) {
    const lockedUntil = new Date(now().getTime() + policy.lockoutMinutes * 60_000);
    await db.update(staff).set({ failedAttempts: 0, lockedUntil }).where(eq(staff.id, row.id));
    await appendAudit(db, { action: "auth.locked_out", actorLabel: row.loginId, target: `staff:${row.id}`, details: { until: lockedUntil.toISOString() } });
  }
}

async function redeemRecoveryCode(db: Db, row: StaffRow, code: string): Promise<boolean> {
  const used = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: now() })
    .where(and(eq(staffRecoveryCodes.staffId, row.id), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(staffRecoveryCodes.usedAt)))
    .returning({ id: staffRecoveryCodes.id });
  if (used.length === 0) return false;
  await appendAudit(db, { action: "auth.recovery_code_used", actorLabel: row.loginId, target: `staff:${row.id}` });
  return true;
}

/** Checks the second factor; returns the TOTP step to remember, or null when a recovery code was used. */
async function checkSecondFactor(db: Db, row: StaffRow, input: SignInInput, policy: SignInPolicy, throttle: SignInThrottle): Promise<number | null> {
  const code = input.code;
  if (!code) throw new AuthError("code_required");
  const secret = decryptField(policy.keyring, row.totpSecret!);
  const step = verifyTotp(secret, code.trim(), now(), row.totpLastStep);
  if (step !== null) return step;
  if (!/^\d{6}$/.test(code.trim()) && (await redeemRecoveryCode(db, row, code))) return null;
  await recordFailure(db, row, policy, "code_invalid");
  return refuse(throttle, input, "code_invalid");
}

export async function authenticateStaff(db: Db, input: SignInInput, policy: SignInPolicy): Promise<SignedIn> {
  const throttle = signInThrottleFor(db, policy);
  const waitMs = await throttle.waitMs(input.loginId, input.address);
  if (waitMs > 0) {
    await appendAudit(db, { action: "auth.sign_in_failed", actorLabel: input.loginId.slice(0, 64), details: { reason: "throttled" } });
    throw new AuthError("throttled", Math.ceil(waitMs / 60_000));
  }
  const [row] = await db.select().from(staff).where(eq(staff.loginId, input.loginId.trim()));
  if (!row) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    await appendAudit(db, { action: "auth.sign_in_failed", actorLabel: input.loginId.slice(0, 64), details: { reason: "unknown_user" } });
    return refuse(throttle, input);
  }
  if (row.lockedUntil && row.lockedUntil > now()) {
    // The same work as a wrong password, so neither the answer nor its time tells a locked account apart.
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    await appendAudit(db, { action: "auth.sign_in_failed", actorLabel: row.loginId, target: `staff:${row.id}`, details: { reason: "locked" } });
    return refuse(throttle, input);
  }
  if (!(await verifyPassword(row.passwordHash, input.password))) {
    await recordFailure(db, row, policy, "wrong_password");
    return refuse(throttle, input);
  }
  if (!row.active) {
    await appendAudit(db, { action: "auth.sign_in_failed", actorLabel: row.loginId, target: `staff:${row.id}`, details: { reason: "inactive" } });
    throw new AuthError("inactive");
  }
  const step = row.totpSecret ? await checkSecondFactor(db, row, input, policy, throttle) : null;
  const secondFactorDone = row.totpSecret !== null || !policy.requireSecondFactor;
  await db
    .update(staff)
    .set({ failedAttempts: 0, lockedUntil: null, ...(step !== null ? { totpLastStep: step } : {}) })
    .where(eq(staff.id, row.id));
  await throttle.forgetLogin(input.loginId);
  const sessionId = await createStaffSession(db, row.id, secondFactorDone);
  await appendAudit(db, {
    action: "auth.sign_in",
    actor: { id: row.id, loginId: row.loginId },
    target: `staff:${row.id}`,
    details: { secondFactor: row.totpSecret ? "totp" : "none" },
  });
  return { staffId: row.id, sessionId, secondFactorDone };
}
