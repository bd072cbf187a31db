import { createHash } from "node:crypto";
import { RateLimiterDrizzle } from "rate-limiter-flexible";
import type { Db, DbOrTx } from "@/db";
import { signInThrottle } from "@/db/schema";
import { eq } from "drizzle-orm";

export interface ThrottlePolicy {
  /** Failures per login id (known or not) before it must wait; the same number locks a real account. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Failures from one client address, over every login id, before it must wait. */
  addressLimit: number;
}

export interface SignInThrottle {
  /** Milliseconds until this login id or address may try again, or 0. */
  waitMs(loginId: string, address: string | null): Promise<number>;
  recordFailure(loginId: string, address: string | null): Promise<void>;
  forgetLogin(loginId: string): Promise<void>;
}

const digest = (value: string) => createHash("sha256").update(value).digest("hex");
/** Login ids are compared as typed but case-folded, so `Admin` and `admin` share one count. */
const loginKey = (loginId: string) => digest(loginId.trim().toLowerCase());

/** The stored key of a login id's count; an admin's unlock deletes it (unlockStaff). */
export const loginThrottleKey = (loginId: string) => `login:${loginKey(loginId)}`;

export function deleteLoginThrottle(db: DbOrTx, loginId: string) {
  return db.delete(signInThrottle).where(eq(signInThrottle.key, loginThrottleKey(loginId)));
}

const cache = new WeakMap<Db, Map<string, SignInThrottle>>();

/** The throttle over this database's sign_in_throttle table: every instance sharing the database shares the counts. */
export function signInThrottleFor(db: Db, policy: ThrottlePolicy): SignInThrottle {
  const byPolicy = cache.get(db) ?? new Map<string, SignInThrottle>();
  cache.set(db, byPolicy);
  const id = `${policy.lockoutThreshold}/${policy.lockoutMinutes}/${policy.addressLimit}`;
  const known = byPolicy.get(id);
  if (known) return known;
  const duration = policy.lockoutMinutes * 60;
  const store = { storeClient: db, schema: signInThrottle, clearExpiredByTimeout: true };
  const login = new RateLimiterDrizzle({ ...store, keyPrefix: "login", points: policy.lockoutThreshold, duration });
  const address = new RateLimiterDrizzle({ ...store, keyPrefix: "address", points: policy.addressLimit, duration });
  const waitOf = async (limiter: RateLimiterDrizzle, key: string) => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= limiter.points ? Math.max(state.msBeforeNext, 1) : 0;
  };
  const throttle: SignInThrottle = {
    async waitMs(loginId, addr) {
      const [a, b] = await Promise.all([waitOf(login, loginKey(loginId)), addr === null ? 0 : waitOf(address, digest(addr))]);
      return Math.max(a, b);
    },
    async recordFailure(loginId, addr) {
      await Promise.all([login.penalty(loginKey(loginId), 1), addr === null ? null : address.penalty(digest(addr), 1)]);
    },
    async forgetLogin(loginId) {
      await login.delete(loginKey(loginId));
    },
  };
  byPolicy.set(id, throttle);
  return throttle;
}
