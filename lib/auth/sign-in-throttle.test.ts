import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { signInThrottle, staff } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { listAudit } from "@/lib/audit";
import { setClockForTests } from "@/lib/clock";
import { createKeyring } from "@/lib/crypto";
import { eq } from "drizzle-orm";
import { authenticateStaff, createStaff, resetStaffPassword, unlockStaff, type Actor, type SignInPolicy } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
const policy: SignInPolicy = { requireSecondFactor: false, lockoutThreshold: 3, lockoutMinutes: 15, addressLimit: 5, keyring };
const password = "correct horse battery";
let database: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createStaff(database.db, { loginId: "admin", displayName: "管理者", role: "admin", password }, null);
  admin = { id: created.id, loginId: "admin" };
});
afterAll(async () => database.close());
afterEach(() => {
  vi.useRealTimers();
  setClockForTests(null);
});

const attempt = (loginId: string, pw: string, address: string | null) => authenticateStaff(database.db, { loginId, password: pw, address }, policy).then(
  () => "signed in",
  (error: { code: string; retryAfterMinutes?: number }) => (error.code === "throttled" ? `throttled ${error.retryAfterMinutes}` : error.code),
);
const newStaff = async (loginId: string) => (await createStaff(database.db, { loginId, displayName: loginId, role: "counselor", qualifications: ["certified_public_psychologist"], password }, admin)).id;

it("answers an existing login and an unknown one alike, failure by failure, and names the wait", async () => {
  await newStaff("real-person");
  const real: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < 5; i++) {
    real.push(await attempt("real-person", "wrong password!", `198.51.100.${i}`));
    unknown.push(await attempt("nobody-at-all", "wrong password!", `198.51.100.${i}`));
  }
  expect(real).toEqual(["invalid_credentials", "invalid_credentials", "invalid_credentials", "throttled 15", "throttled 15"]);
  expect(unknown).toEqual(real);
  // The account's own lock is applied and audited as before.
  const [row] = await database.db.select().from(staff).where(eq(staff.loginId, "real-person"));
  expect(row!.lockedUntil).not.toBeNull();
  expect((await listAudit(database.db, 50)).some((a) => a.action === "auth.locked_out" && a.target === `staff:${row!.id}`)).toBe(true);
});

it("keeps a locked account's answer the same as a wrong password's, even with the right password", async () => {
  const id = await newStaff("locked-one");
  await database.db.update(staff).set({ lockedUntil: new Date(Date.now() + 10 * 60_000) }).where(eq(staff.id, id));
  expect(await attempt("locked-one", password, "203.0.113.9")).toBe("invalid_credentials");
  expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "auth.sign_in_failed", details: { reason: "locked" } });
});

it("throttles one address trying many login ids, and lets the same ids in from elsewhere", async () => {
  await newStaff("bystander");
  for (let i = 0; i < 5; i++) expect(await attempt(`guess-${i}`, "wrong password!", "192.0.2.66")).toBe("invalid_credentials");
  expect(await attempt("bystander", password, "192.0.2.66")).toBe("throttled 15");
  expect(await attempt("bystander", password, "192.0.2.67")).toBe("signed in");
});

it("counts by login only when the client's address is unknown", async () => {
  for (let i = 0; i < 6; i++) expect(await attempt(`anon-${i}`, "wrong password!", null)).toBe("invalid_credentials");
});

it("keeps the counts in the database, digested, so every instance sees them", async () => {
  await attempt("shared-count", "wrong password!", "192.0.2.80");
  const rows = await database.db.select().from(signInThrottle);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.key).toMatch(/^(login|address):[0-9a-f]{64}$/);
  const other = await database.connectAgain();
  await authenticateStaff(other.db, { loginId: "shared-count", password: "wrong password!", address: "192.0.2.81" }, policy).catch(() => null);
  await authenticateStaff(other.db, { loginId: "shared-count", password: "wrong password!", address: "192.0.2.82" }, policy).catch(() => null);
  expect(await attempt("shared-count", "wrong password!", "192.0.2.83")).toBe("throttled 15");
  await other.close();
});

it("lets the throttle run out by itself", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  await newStaff("patient");
  for (let i = 0; i < 3; i++) await attempt("patient", "wrong password!", "192.0.2.90");
  expect(await attempt("patient", password, "192.0.2.90")).toMatch(/^throttled/);
  vi.setSystemTime(Date.now() + 16 * 60_000);
  setClockForTests(new Date());
  expect(await attempt("patient", password, "192.0.2.91")).toBe("signed in");
});

it("an administrator's unlock lifts the lock and the login's throttle at once, audited", async () => {
  const id = await newStaff("unlock-me");
  for (let i = 0; i < 3; i++) await attempt("unlock-me", "wrong password!", "192.0.2.100");
  expect(await attempt("unlock-me", password, "192.0.2.101")).toBe("throttled 15");
  await unlockStaff(database.db, { staffId: id, at: new Date() }, admin);
  expect((await listAudit(database.db, 1))[0]).toMatchObject({ action: "staff.unlocked", target: `staff:${id}` });
  expect(await attempt("unlock-me", password, "192.0.2.101")).toBe("signed in");
});

it("an administrator's password reset sets the new password, lifts any lock and is audited without the password", async () => {
  const id = await newStaff("forgetful");
  for (let i = 0; i < 3; i++) await attempt("forgetful", "wrong password!", "192.0.2.110");
  await resetStaffPassword(database.db, { staffId: id, password: "a brand new password", at: new Date() }, admin);
  const [entry] = await listAudit(database.db, 1);
  expect(entry).toMatchObject({ action: "staff.password_reset", target: `staff:${id}` });
  expect(JSON.stringify(entry)).not.toContain("a brand new password");
  expect(await attempt("forgetful", password, "192.0.2.111")).toBe("invalid_credentials");
  expect(await attempt("forgetful", "a brand new password", "192.0.2.111")).toBe("signed in");
  await expect(resetStaffPassword(database.db, { staffId: id, password: "short", at: new Date() }, admin)).rejects.toThrow();
});
