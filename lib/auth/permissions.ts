import type { Role } from "./roles";

/** Everything a staff member may be allowed to do. Each page, route handler and server action names one. */
export const actions = [
  "home.view",
  "account.manage_own",
  "staff.manage",
  "audit.view",
  "console.use",
  "consultations.supervise",
  "reports.view",
  "reports.mark_submitted",
  "reports.configure",
  "reports.write_remarks",
  "records.inspect",
  "schedule.manage",
  "line.monitor",
  "canned.manage",
  "agencies.manage",
  "forms.manage",
  "risk.manage",
  "oncall.manage",
  "emergency_contact_kinds.manage",
  "retention.view",
  "incidents.manage",
] as const;
export type Action = (typeof actions)[number];

const grants: Record<Role, readonly Action[]> = {
  admin: ["home.view", "account.manage_own", "staff.manage", "audit.view", "schedule.manage", "reports.view", "reports.configure", "line.monitor", "canned.manage", "agencies.manage", "forms.manage", "risk.manage", "oncall.manage", "emergency_contact_kinds.manage", "retention.view", "incidents.manage"],
  supervisor: ["home.view", "account.manage_own", "console.use", "consultations.supervise", "reports.view", "reports.mark_submitted", "reports.write_remarks", "schedule.manage", "oncall.manage", "incidents.manage"],
  counselor: ["home.view", "account.manage_own", "console.use"],
  city: ["home.view", "account.manage_own", "reports.view"],
};

export function can(role: Role, action: Action): boolean {
  return grants[role].includes(action);
}

/**
 * R20: actions no role carries, given to one person by an administrator (audited, revocable). Inspecting
 * individual records exposes what youth confided, so the city sees only aggregate reports unless granted.
 */
export const grantableActions = ["records.inspect"] as const satisfies readonly Action[];
export type GrantableAction = (typeof grantableActions)[number];

/** What a signed-in person may do: their role's actions plus what was granted to them personally. */
export function canStaff(staff: { role: Role; grants?: readonly string[] }, action: Action): boolean {
  return can(staff.role, action) || ((grantableActions as readonly Action[]).includes(action) && (staff.grants ?? []).includes(action));
}

/** Where each role lands after signing in. */
export const roleHome: Record<Role, string> = {
  admin: "/admin/staff",
  supervisor: "/supervisor",
  counselor: "/console",
  city: "/reports",
};
