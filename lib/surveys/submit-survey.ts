import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { loadSurveyForYouth } from "./load-survey-for-youth";
import { recordSurveyAnswer } from "./record-survey-answer";
import { buildSurveyFormSchema } from "./survey-form-schema";

export type SubmitSurveyResult = { ok: true; thanks: string } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The secure chat's survey answers (or 「答えない」: all empty). Answered once: a second submission,
 * or one after the window, stores nothing and is thanked like the first; the first answer is kept.
 */
export async function submitSurvey(db: Db, input: { youthId: string; answers: unknown; at: Date }, keyring: Keyring): Promise<SubmitSurveyResult> {
  return db.transaction(async (tx) => {
    const pending = await loadSurveyForYouth(tx, input.youthId, input.at);
    if (!pending) return { ok: true as const, thanks: (await loadCurrentForm(tx, "survey")).definition.thanks };
    const parsed = buildSurveyFormSchema(pending.form.definition).safeParse(input.answers);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_form")] ??= issue.message;
      return { ok: false as const, fieldErrors };
    }
    await tx.update(consultations).set({ surveyStep: "done" }).where(eq(consultations.id, pending.consultation.id));
    const { satisfaction, again, comment } = parsed.data;
    // Two submissions racing both get here; the token's unique index keeps the first answer.
    if (satisfaction || again || comment) {
      const { id, openedAt, channel } = pending.consultation;
      await recordSurveyAnswer(tx, { id, openedAt, channel, surveyVersionId: pending.form.id }, { satisfaction, again, comment }, keyring);
    }
    return { ok: true as const, thanks: pending.form.definition.thanks };
  });
}
