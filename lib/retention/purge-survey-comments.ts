import { and, isNotNull, lt } from "drizzle-orm";
import type { Tx } from "@/db";
import { surveyResponses } from "@/db/schema";
import { calendarDateOf } from "@/lib/calendar";

/**
 * Erases the survey's free comments of months wholly before `cutoff`, like other free text a youth
 * wrote. Answers keep only the month they belong to (no link to a consultation), so the month is the
 * unit: a comment goes once its whole month is past the retention period. The choices stay for the reports.
 */
export async function purgeSurveyComments(tx: Tx, { cutoff }: { cutoff: Date }) {
  const cutoffMonth = calendarDateOf(cutoff).slice(0, 7);
  const erased = await tx
    .update(surveyResponses)
    .set({ commentEnc: null })
    .where(and(lt(surveyResponses.month, cutoffMonth), isNotNull(surveyResponses.commentEnc)))
    .returning({ id: surveyResponses.id });
  return { surveyComments: erased.length };
}
