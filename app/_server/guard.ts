import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/app/_server/database";
import { appendAudit } from "@/lib/audit";
import { canStaff, resolveStaffSession, type Action } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { getSessionSecret } from "@/lib/crypto";
import { isStaffNetwork, logStaffNetworkRefusal } from "./staff-network";

export type ActiveStaff = Extract<Awaited<ReturnType<typeof resolveStaffSession>>, { status: "active" }>;

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type Check = { ok: true; staff: ActiveStaff } | { ok: false; status: 401 | 403; redirectTo: string | null; outsideNetwork?: true };

/** The one server-side check every page, route handler and server action goes through. */
async function checkStaff(action: Action, options: { audit: boolean } = { audit: true }): Promise<Check> {
  // First, before any cookie: outside the allowed networks even a valid session is refused (R14).
  if (!isStaffNetwork(await headers())) {
    if (options.audit) logStaffNetworkRefusal("request");
    return { ok: false, status: 403, redirectTo: null, outsideNetwork: true };
  }
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return { ok: false, status: 401, redirectTo: "/signin" };
  const db = await getDb();
  const token = await decode({ token: raw, secret: getSessionSecret() }).catch(() => null);
  if (!token || typeof token.sid !== "string") {
    if (options.audit) await appendAudit(db, { action: "access.denied", actorLabel: "unknown", details: { reason: "invalid_session_cookie" } });
    return { ok: false, status: 401, redirectTo: "/signin?reason=invalid" };
  }
  const session = await resolveStaffSession(db, token.sid, getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES);
  if (session.status === "ended") {
    if (options.audit) await appendAudit(db, { action: "auth.session_ended", actorLabel: "unknown", details: { reason: session.reason, attempted: action } });
    return { ok: false, status: 401, redirectTo: `/signin?reason=${session.reason}` };
  }
  if (!session.secondFactorDone && action !== "account.manage_own") {
    return { ok: false, status: 403, redirectTo: "/account" };
  }
  if (!canStaff(session.staff, action)) {
    await appendAudit(db, {
      action: "access.denied",
      actor: { id: session.staff.id, loginId: session.staff.loginId },
      details: { action, role: session.staff.role },
    });
    return { ok: false, status: 403, redirectTo: null };
  }
  return { ok: true, staff: session };
}

/** For pages and server actions: redirects to sign-in, or renders the 403 page (which says when the network is the reason). */
export async function requireStaff(action: Action): Promise<ActiveStaff> {
  const check = await checkStaff(action);
  if (check.ok) return check.staff;
  if (check.redirectTo) redirect(check.redirectTo);
  forbidden();
}

/** For route handlers: a JSON 401/403 instead of a redirect. */
export async function requireStaffForApi(action: Action): Promise<ActiveStaff | Response> {
  const check = await checkStaff(action);
  if (check.ok) return check.staff;
  if (check.outsideNetwork) return Response.json({ error: "network_not_allowed" }, { status: 403 });
  return Response.json({ error: check.status === 401 ? "unauthorized" : "forbidden" }, { status: check.status });
}

/**
 * The signed-in person, if any, without enforcing or auditing anything: the sign-in page and "/" use it,
 * and a stale cookie on the sign-in page is not an access attempt.
 */
export async function peekStaff(): Promise<ActiveStaff | null> {
  const check = await checkStaff("home.view", { audit: false });
  return check.ok ? check.staff : null;
}
