import type { Action } from "@/lib/auth";

/**
 * Every route the app serves and the permission it requires. A test fails when a page or route
 * handler exists without an entry here, and the end-to-end matrix walks this table for every role.
 */
export const routeAccess = {
  "/": "public",
  "/signin": "public",
  "/api/health": "public",
  "/api/auth/[...nextauth]": "public",
  /** Authenticated by LINE's signature over the body, not by a staff session. */
  "/api/line/webhook": "public",
  /** The youth's secure chat page: it signs in through /api/liff/session with LINE's ID token. */
  "/liff": "public",
  /** Authenticated by LINE's verification of the LIFF ID token it carries. */
  "/api/liff/session": "public",
  /** Authenticated by the youth chat session (cookie from /api/liff/session), never by a staff session. */
  "/api/liff/messages": "public",
  /** Authenticated by the youth chat session. */
  "/api/liff/events": "public",
  /** Authenticated by the youth chat session. */
  "/api/liff/end": "public",
  /** Authenticated by the youth chat session: the intake's form and answers. */
  "/api/liff/intake": "public",
  /** Authenticated by the youth chat session: the post-consultation survey's form and answers. */
  "/api/liff/survey": "public",
  "/account": "account.manage_own",
  "/console": "console.use",
  "/console/c/[id]": "console.use",
  "/api/console/events": "console.use",
  "/supervisor": "consultations.supervise",
  "/reports": "reports.view",
  /** R20: granted per person by an admin (lib/auth grantStaffPermission), never by role; every view is audited. */
  "/records": "records.inspect",
  "/records/[id]": "records.inspect",
  "/api/records/export": "records.inspect",
  "/reports/monthly": "reports.view",
  "/reports/daily-log": "reports.view",
  "/reports/reception": "reports.view",
  "/reports/annual": "reports.view",
  "/reports/annual-reception": "reports.view",
  /** Report files (PDF, xlsx, CSV); every download is audited. */
  "/api/reports/export": "reports.view",
  "/api/emergencies/[id]/report": "reports.view",
  "/api/incidents/[id]/report": "incidents.manage",
  "/admin/staff": "staff.manage",
  "/admin/audit": "audit.view",
  /** The filtered audit log as CSV; the download is itself audited. */
  "/api/audit/export": "audit.view",
  "/admin/line": "line.monitor",
  "/admin/schedule": "schedule.manage",
  "/admin/canned": "canned.manage",
  "/admin/agencies": "agencies.manage",
  "/admin/forms": "forms.manage",
  "/admin/risk": "risk.manage",
  /** To whom an emergency contact goes (警察, 救急 …): renamed, reordered, retired, never deleted. */
  "/admin/emergency-contacts": "emergency_contact_kinds.manage",
  /** The on-call roster, whether e-mail and the webhook are configured, and recent alerts. */
  "/admin/on-call": "oncall.manage",
  /** The retention periods in force and the latest purges with their counts (read-only). */
  "/admin/retention": "retention.view",
  "/admin/incidents": "incidents.manage",
} as const satisfies Record<string, Action | "public">;
