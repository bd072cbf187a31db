/** A refusal the person can act on; `code` maps to a Japanese message in lib/i18n. */
export class AuthError extends Error {
  constructor(
    public readonly code:
      | "invalid_credentials"
      | "throttled"
      | "inactive"
      | "code_required"
      | "code_invalid"
      | "login_id_taken"
      | "not_found"
      | "last_admin"
      | "self_change",
    /** For `throttled`: whole minutes until the next try may succeed, which the message names. */
    public readonly retryAfterMinutes?: number,
  ) {
    super(code);
    this.name = "AuthError";
  }
}
