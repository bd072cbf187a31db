import { z } from "zod";
import { scheduleSchema, type Schedule } from "./schema";

/** `path` is dot-joined ("weekly.6.0.end"), the form field names react-hook-form uses. */
export type ScheduleIssue = { path: string; message: string };

export type ParseScheduleResult = { success: true; schedule: Schedule } | { success: false; issues: ScheduleIssue[] };

// Our own messages cover the rules; zod's Japanese locale covers structural ones (missing
// fields, wrong types) so the form never shows English.
const japaneseFallback = z.locales.ja().localeError;

/** Validates schedule data from a form or the database; never throws on bad input. */
export function parseSchedule(input: unknown): ParseScheduleResult {
  const result = scheduleSchema.safeParse(input, { error: japaneseFallback });
  if (result.success) return { success: true, schedule: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  };
}
