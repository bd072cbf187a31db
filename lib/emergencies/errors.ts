/** A refusal the console shows; `code` maps to a Japanese message in ja.emergency.errors. */
export class EmergencyError extends Error {
  constructor(public readonly code: "not_found" | "ended" | "already_joined" | "summary_required" | "unknown_kind" | "contact_not_found") {
    super(code);
    this.name = "EmergencyError";
  }
}
