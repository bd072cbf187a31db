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
  "records.inspect",
  "schedule.manage",
  "line.monitor",
  "references.manage",
  "forms.manage",
] as const;
export type Action = (typeof actions)[number];

const grants: Record<Role, readonly Action[]> = {
  admin: ["home.view", "account.manage_own", "staff.manage", "audit.view", "schedule.manage", "reports.view", "line.monitor", "references.manage", "forms.manage"],
  supervisor: ["home.view", "account.manage_own", "console.use", "consultations.supervise", "reports.view", "schedule.manage"],
  counselor: ["home.view", "account.manage_own", "console.use"],
  city: ["home.view", "account.manage_own", "reports.view"],
};

export function can(role: Role, action: Action): boolean {
  return grants[role].includes(action);
}

/** Where each role lands after signing in. */
export const roleHome: Record<Role, string> = {
  admin: "/admin/staff",
  supervisor: "/supervisor",
  counselor: "/console",
  city: "/reports",
};
