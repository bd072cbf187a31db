/** A refusal the supervisor can act on; `code` maps to a Japanese message in ja.deadlines.errors. */
export class ReportDeadlineError extends Error {
  constructor(public readonly code: "unknown_report" | "already_submitted") {
    super(code);
    this.name = "ReportDeadlineError";
  }
}
