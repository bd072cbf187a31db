/** A survey is answered within this many days of the invitation; later answers are thanked and not kept. */
export const SURVEY_WINDOW_DAYS = 7;

/** Whether an invitation sent at `invitedAt` may still be answered at `at`. */
export function withinSurveyWindow(invitedAt: Date | null, at: Date): boolean {
  return invitedAt !== null && at.getTime() - invitedAt.getTime() <= SURVEY_WINDOW_DAYS * 24 * 60 * 60 * 1000;
}
