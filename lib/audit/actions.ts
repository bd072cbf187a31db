/** Every kind of audited event. New features add their actions here, so an auditor finds them in one list. */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.locked_out",
  "auth.session_ended",
  "auth.second_factor_enrolled",
  "auth.recovery_code_used",
  "access.denied",
  "staff.created",
  "staff.deactivated",
  "staff.reactivated",
  "staff.role_changed",
  "staff.second_factor_reset",
  "staff.password_reset",
  "keys.rotated",
  "schedule.changed",
  "autoreply.changed",
] as const;

export type AuditAction = (typeof auditActions)[number];
