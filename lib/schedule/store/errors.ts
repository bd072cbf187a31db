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
}
