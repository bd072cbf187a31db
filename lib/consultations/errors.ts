/** A refusal the counselor can act on; `code` maps to a Japanese message in lib/i18n (ja.console.errors). */
export class ConsoleError extends Error {
  constructor(public readonly code: "not_found" | "not_holder" | "taken" | "limit_reached" | "closed" | "invalid_target" | "not_failed" | "empty_message" | "too_long" | "still_open") {
    super(code);
    this.name = "ConsoleError";
  }
}
