import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { listAudit, verifyAuditChain } from "@/lib/audit";
import { setClockForTests } from "@/lib/clock";
import { createKeyring } from "@/lib/crypto";
import { authenticateStaff, changeStaffRole, confirmSecondFactorEnrolment, createStaff, canStaff, deactivateStaff, grantStaffPermission, isStaffSessionLive, listStaff, reactivateStaff, resetSecondFactor, resolveStaffSession, revokeStaffPermission, signOutStaff, startSecondFactorEnrolment, type Actor, type SignInPolicy } from "./index";
import { generateTotpCode } from "./totp";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const policy: SignInPolicy = { requireSecondFactor: true, lockoutThreshold: 3, lockoutMinutes: 15, addressLimit: 100, keyring };
const password = "correct horse battery";

let database: Database;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createStaff(database.db, { loginId: "admin", displayName: "管理者", role: "admin", password }, null);
  admin = { id: created.id, loginId: "admin" };
});
afterAll(async () => {
  await database.close();
});
afterEach(() => setClockForTests(null));

async function newStaff(loginId: string, role: "counselor" | "city" | "supervisor" | "admin" = "counselor") {
  const qualifications = role === "counselor" ? (["clinical_psychologist"] as const) : [];
  return (await createStaff(database.db, { loginId, displayName: loginId, role, qualifications: [...qualifications], password }, admin)).id;
}

async function lastAction(): Promise<string | undefined> {
  return (await listAudit(database.db, 1))[0]?.action;
}

describe("creating staff", () => {
  it("refuses a taken login id, a short password and a counselor without qualification", async () => {
    await newStaff("taken");
    await expect(newStaff("taken")).rejects.toMatchObject({ code: "login_id_taken" });
    await expect(createStaff(database.db, { loginId: "shortpw", displayName: "x", role: "city", password: "short" }, admin)).rejects.toThrow(/12文字以上/);
    await expect(createStaff(database.db, { loginId: "noqual", displayName: "x", role: "counselor", password }, admin)).rejects.toThrow(/資格/);
    await expect(createStaff(database.db, { loginId: "Bad Id!", displayName: "x", role: "city", password }, admin)).rejects.toThrow(/ログインID/);
  });

  it("stores an argon2id hash, never the password", async () => {
    await newStaff("hashcheck");
    const rows = await database.db.query.staff.findFirst({ where: (s, { eq }) => eq(s.loginId, "hashcheck") });
    expect(rows?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(rows?.passwordHash).not.toContain(password);
  });
});

describe("signing in", () => {
  it("without a second factor, opens a session limited to enrolment outside the demo", async () => {
    await newStaff("fresh");
    const signed = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "fresh", password }, policy);
    expect(signed.secondFactorDone).toBe(false);
    const demo = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "fresh", password }, { ...policy, requireSecondFactor: false });
    expect(demo.secondFactorDone).toBe(true);
    expect(await lastAction()).toBe("auth.sign_in");
  });

  it("gives the same answer for an unknown user and a wrong password, and audits both", async () => {
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "nobody", password }, policy)).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(await lastAction()).toBe("auth.sign_in_failed");
    await newStaff("wrongpw");
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "wrongpw", password: "nope nope nope" }, policy)).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(await lastAction()).toBe("auth.sign_in_failed");
  });

  it("locks the account after repeated failures, even for the right password, until the lock expires, answering as for a wrong password", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await newStaff("locky");
    const wrong = { loginId: "locky", password: "wrong password!", address: "192.0.2.1" };
    for (let i = 0; i < 3; i++) await expect(authenticateStaff(database.db, wrong, policy)).rejects.toMatchObject({ code: "invalid_credentials" });
    const audit = await listAudit(database.db, 2);
    expect(audit.map((a) => a.action)).toEqual(["auth.locked_out", "auth.sign_in_failed"]);
    // The login id's throttle now answers first, with the minutes to wait, as it would for an unknown id.
    await expect(authenticateStaff(database.db, { loginId: "locky", password, address: "192.0.2.1" }, policy)).rejects.toMatchObject({ code: "throttled", retryAfterMinutes: 15 });
    vi.setSystemTime(Date.now() + 16 * 60_000);
    setClockForTests(new Date());
    await expect(authenticateStaff(database.db, { loginId: "locky", password, address: "192.0.2.1" }, policy)).resolves.toHaveProperty("sessionId");
    vi.useRealTimers();
  });

  it("refuses a deactivated account and accepts it again after reactivation", async () => {
    const id = await newStaff("gone");
    await deactivateStaff(database.db, id, admin);
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "gone", password }, policy)).rejects.toMatchObject({ code: "inactive" });
    await reactivateStaff(database.db, id, admin);
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "gone", password }, policy)).resolves.toHaveProperty("sessionId");
  });
});

describe("second factor", () => {
  it("enrols with a code, then requires a fresh code; replays and wrong codes are refused", async () => {
    const id = await newStaff("totpuser");
    const first = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "totpuser", password }, policy);
    const { secret, uri } = await startSecondFactorEnrolment(database.db, id, keyring);
    expect(uri).toContain("otpauth://totp/");
    expect((await startSecondFactorEnrolment(database.db, id, keyring)).secret).toBe(secret);
    await expect(confirmSecondFactorEnrolment(database.db, { staffId: id, sessionId: first.sessionId, code: "000000" }, keyring)).rejects.toMatchObject({ code: "code_invalid" });
    const t0 = new Date();
    const codes = await confirmSecondFactorEnrolment(database.db, { staffId: id, sessionId: first.sessionId, code: generateTotpCode(secret, t0) }, keyring);
    expect(codes).toHaveLength(10);
    const resolved = await resolveStaffSession(database.db, first.sessionId, 30);
    expect(resolved).toMatchObject({ status: "active", secondFactorDone: true });

    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "totpuser", password }, policy)).rejects.toMatchObject({ code: "code_required" });
    // The enrolment code's step is spent: the same code cannot sign in.
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "totpuser", password, code: generateTotpCode(secret, t0) }, policy)).rejects.toMatchObject({ code: "code_invalid" });
    const later = new Date(t0.getTime() + 60_000);
    setClockForTests(later);
    const code = generateTotpCode(secret, later);
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "totpuser", password, code }, policy)).resolves.toMatchObject({ secondFactorDone: true });
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "totpuser", password, code }, policy)).rejects.toMatchObject({ code: "code_invalid" });
  });

  it("accepts each recovery code once", async () => {
    const id = await newStaff("recover");
    const s = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "recover", password }, policy);
    const { secret } = await startSecondFactorEnrolment(database.db, id, keyring);
    const codes = await confirmSecondFactorEnrolment(database.db, { staffId: id, sessionId: s.sessionId, code: generateTotpCode(secret, new Date()) }, keyring);
    const code = codes[0]!.toUpperCase();
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "recover", password, code }, policy)).resolves.toHaveProperty("sessionId");
    expect((await listAudit(database.db, 2)).map((a) => a.action)).toEqual(["auth.sign_in", "auth.recovery_code_used"]);
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "recover", password, code }, policy)).rejects.toMatchObject({ code: "code_invalid" });
  });

  it("reset by an admin ends sessions and lets the person sign in with the password only", async () => {
    const id = await newStaff("lostphone");
    const s = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "lostphone", password }, policy);
    const { secret } = await startSecondFactorEnrolment(database.db, id, keyring);
    await confirmSecondFactorEnrolment(database.db, { staffId: id, sessionId: s.sessionId, code: generateTotpCode(secret, new Date()) }, keyring);
    await resetSecondFactor(database.db, id, admin);
    expect(await resolveStaffSession(database.db, s.sessionId, 30)).toEqual({ status: "ended", reason: "second_factor_reset" });
    await expect(authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "lostphone", password }, policy)).resolves.toMatchObject({ secondFactorDone: false });
  });
});

describe("sessions", () => {
  it("end at the next request after deactivation (R9) or a role change", async () => {
    const id = await newStaff("shift");
    const policyDemo = { ...policy, requireSecondFactor: false };
    const a = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "shift", password }, policyDemo);
    expect(await resolveStaffSession(database.db, a.sessionId, 30)).toMatchObject({ status: "active", staff: { role: "counselor" } });
    await changeStaffRole(database.db, id, "supervisor", admin);
    expect(await resolveStaffSession(database.db, a.sessionId, 30)).toEqual({ status: "ended", reason: "role_changed" });
    const b = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "shift", password }, policyDemo);
    await deactivateStaff(database.db, id, admin);
    expect(await resolveStaffSession(database.db, b.sessionId, 30)).toEqual({ status: "ended", reason: "deactivated" });
  });

  it("can be checked by a long-lived stream without counting as activity", async () => {
    const id = await newStaff("streamer");
    const s = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "streamer", password }, { ...policy, requireSecondFactor: false });
    expect(await isStaffSessionLive(database.db, s.sessionId, 30)).toBe(true);
    setClockForTests(new Date(Date.now() + 20 * 60_000));
    expect(await isStaffSessionLive(database.db, s.sessionId, 30)).toBe(true);
    setClockForTests(new Date(Date.now() + 31 * 60_000));
    expect(await isStaffSessionLive(database.db, s.sessionId, 30)).toBe(false);
    setClockForTests(null);
    expect(await isStaffSessionLive(database.db, s.sessionId, 30)).toBe(true);
    await deactivateStaff(database.db, id, admin);
    expect(await isStaffSessionLive(database.db, s.sessionId, 30)).toBe(false);
    expect(await isStaffSessionLive(database.db, "no-such-session", 30)).toBe(false);
  });

  it("end after the idle timeout and on sign-out", async () => {
    await newStaff("idler");
    const s = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "idler", password }, { ...policy, requireSecondFactor: false });
    setClockForTests(new Date(Date.now() + 29 * 60_000));
    expect((await resolveStaffSession(database.db, s.sessionId, 30)).status).toBe("active");
    setClockForTests(new Date(Date.now() + 29 * 60_000 + 31 * 60_000));
    expect(await resolveStaffSession(database.db, s.sessionId, 30)).toEqual({ status: "ended", reason: "idle" });
    setClockForTests(null);
    const t = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "idler", password }, { ...policy, requireSecondFactor: false });
    await signOutStaff(database.db, t.sessionId);
    expect(await resolveStaffSession(database.db, t.sessionId, 30)).toEqual({ status: "ended", reason: "sign_out" });
    expect(await lastAction()).toBe("auth.sign_out");
    expect(await resolveStaffSession(database.db, "no-such-session", 30)).toEqual({ status: "ended", reason: "unknown" });
  });
});

describe("personal grants (R20)", () => {
  it("give one person records inspection, audited, until revoked or their role changes", async () => {
    const id = await newStaff("inspector", "city");
    const s = await authenticateStaff(database.db, { address: "192.0.2.1",  loginId: "inspector", password }, { ...policy, requireSecondFactor: false });
    const session = async () => {
      const resolved = await resolveStaffSession(database.db, s.sessionId, 30);
      if (resolved.status !== "active") throw new Error("session ended");
      return resolved.staff;
    };
    expect(canStaff(await session(), "records.inspect")).toBe(false);

    await grantStaffPermission(database.db, id, "records.inspect", admin);
    await grantStaffPermission(database.db, id, "records.inspect", admin);
    expect(await lastAction()).toBe("staff.permission_granted");
    expect(canStaff(await session(), "records.inspect")).toBe(true);
    expect(canStaff(await session(), "staff.manage")).toBe(false);
    expect((await listStaff(database.db)).find((r) => r.id === id)?.grants).toEqual(["records.inspect"]);
    const granted = (await listAudit(database.db, 50)).filter((a) => a.action === "staff.permission_granted" && a.target === `staff:${id}`);
    expect(granted).toHaveLength(1);

    await revokeStaffPermission(database.db, id, "records.inspect", admin);
    expect(await lastAction()).toBe("staff.permission_revoked");
    expect(canStaff(await session(), "records.inspect")).toBe(false);

    await grantStaffPermission(database.db, id, "records.inspect", admin);
    await changeStaffRole(database.db, id, "supervisor", admin);
    expect((await listStaff(database.db)).find((r) => r.id === id)?.grants).toEqual([]);
    expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "staff.role_changed", details: { grantsEnded: ["records.inspect"] } });
  });

  it("are never given to oneself, to an inactive account, or for an action outside the grantable list", async () => {
    await expect(grantStaffPermission(database.db, admin.id, "records.inspect", admin)).rejects.toMatchObject({ code: "self_change" });
    const id = await newStaff("leaver", "city");
    await deactivateStaff(database.db, id, admin);
    await expect(grantStaffPermission(database.db, id, "records.inspect", admin)).rejects.toMatchObject({ code: "inactive" });
    await reactivateStaff(database.db, id, admin);
    await expect(grantStaffPermission(database.db, id, "staff.manage" as "records.inspect", admin)).rejects.toThrow();
  });
});

describe("staff administration", () => {
  it("tells the caller of a role change, in its transaction, and rolls back with it", async () => {
    const id = await newStaff("rolehook");
    const seen: string[] = [];
    await changeStaffRole(database.db, id, "city", admin, async (_tx, staffId, role) => {
      seen.push(`${staffId}:${role}`);
    });
    expect(seen).toEqual([`${id}:city`]);
    await expect(
      changeStaffRole(database.db, id, "counselor", admin, async () => {
        throw new Error("release failed");
      }),
    ).rejects.toThrow("release failed");
    expect((await listStaff(database.db)).find((s) => s.id === id)?.role).toBe("city");
  });

  it("keeps at least one active admin and forbids changing oneself", async () => {
    await expect(deactivateStaff(database.db, admin.id, admin)).rejects.toMatchObject({ code: "self_change" });
    const other = await newStaff("admin2", "admin");
    await deactivateStaff(database.db, other, { id: "00000000-0000-0000-0000-000000000000", loginId: "x" });
    await reactivateStaff(database.db, other, admin);
    await changeStaffRole(database.db, admin.id, "city", { id: other, loginId: "admin2" });
    await expect(deactivateStaff(database.db, other, admin)).rejects.toMatchObject({ code: "last_admin" });
    await changeStaffRole(database.db, admin.id, "admin", { id: other, loginId: "admin2" });
  });

  it("lists staff with their state, and every change is in an intact audit chain", async () => {
    const list = await listStaff(database.db);
    expect(list.find((s) => s.loginId === "gone")).toMatchObject({ active: true, role: "counselor" });
    expect(list.find((s) => s.loginId === "totpuser")).toMatchObject({ hasSecondFactor: true });
    const actions = new Set((await listAudit(database.db, 1000)).map((a) => a.action));
    for (const a of ["staff.created", "staff.deactivated", "staff.reactivated", "staff.role_changed", "staff.second_factor_reset", "auth.second_factor_enrolled"]) {
      expect(actions).toContain(a);
    }
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
