import type { ScheduleIssue } from "../parse-schedule";

/**
 * Refused schedule data. `issues` carries the Japanese messages by field path, so the admin form
 * can show each beside its field and the CLI can print them as they are.
 */
export class ScheduleValidationError extends Error {
  constructor(
    public readonly issues: ScheduleIssue[],
    summary = "スケジュールに誤りがあるため保存できません",
  ) {
    super(`${summary}: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join(" / ")}`);
    this.name = "ScheduleValidationError";
  }

  /**
   * The same refusal with paths relative to `prefix` ("closures.3.from" → "from" for "closures.3"),
   * so a form that edits one part of the schedule can put each message beside its own field.
   * Issues elsewhere keep their full path.
   */
  relativeTo(prefix: string): ScheduleValidationError {
    const strip = (path: string) => (path === prefix ? "" : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path);
    return new ScheduleValidationError(this.issues.map((issue) => ({ ...issue, path: strip(issue.path) })));
  }
}

export type ScheduleChangeErrorCode = "no_schedule" | "stale" | "exception_not_found";

/** A change that cannot apply to the schedule in force; the console words each code in lib/i18n. */
export class ScheduleChangeError extends Error {
  constructor(public readonly code: ScheduleChangeErrorCode) {
    super(`schedule change refused: ${code}`);
    this.name = "ScheduleChangeError";
  }
}
