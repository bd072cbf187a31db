import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { surveyResponses } from "@/db/schema";
import { calendarDateOf } from "@/lib/calendar";
import { encryptField, type Keyring } from "@/lib/crypto";
import { surveyToken, surveyTokensBefore } from "./survey-token";

export interface SurveyAnswer {
  satisfaction?: string | null;
  again?: string | null;
  comment?: string | null;
}

/**
 * Stores answers apart from the youth: keyed by the consultation's one-way token, with only the month
 * it was received in and its channel. An answer already given is kept (the first one counts); a
 * question not answered yet takes the new answer.
 */
export async function recordSurveyAnswer(
  tx: DbOrTx,
  consultation: { id: string; openedAt: Date; channel: "line" | "secure_chat"; surveyVersionId: string },
  answer: SurveyAnswer,
  keyring: Keyring,
): Promise<void> {
  const commentEnc = answer.comment ? encryptField(keyring, answer.comment) : null;
  const token = surveyToken(keyring, consultation.id);
  // An answer begun under a key since rotated moves to the current key's token first, so it stays the first answer.
  const before = surveyTokensBefore(keyring, consultation.id);
  if (before.length > 0) await tx.update(surveyResponses).set({ token }).where(inArray(surveyResponses.token, before));
  await tx
    .insert(surveyResponses)
    .values({
      token,
      month: calendarDateOf(consultation.openedAt).slice(0, 7),
      channel: consultation.channel,
      formVersionId: consultation.surveyVersionId,
      satisfaction: answer.satisfaction ?? null,
      again: answer.again ?? null,
      commentEnc,
    })
    .onConflictDoUpdate({
      target: surveyResponses.token,
      set: {
        satisfaction: sql`coalesce(${surveyResponses.satisfaction}, excluded.satisfaction)`,
        again: sql`coalesce(${surveyResponses.again}, excluded.again)`,
        commentEnc: sql`coalesce(${surveyResponses.commentEnc}, excluded.comment_enc)`,
      },
    });
}
