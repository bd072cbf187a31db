/** A refusal shown to the person; `code` maps to a Japanese message (ja.alerts.errors). */
export class AlertError extends Error {
  constructor(public readonly code: "not_found" | "already_acknowledged") {
    super(code);
    this.name = "AlertError";
  }
}
