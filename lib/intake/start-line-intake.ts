import { eq } from "drizzle-orm";
import type { messagingApi } from "@line/bot-sdk";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { loadCurrentForm } from "@/lib/forms";
import { lineIntakeQuestion } from "./line-intake-questions";

/**
 * CHAT_MODE=line: a consultation just opened in the LINE talk gets the intake's first question as
 * quick replies, pinned to the version in force. Nothing waits for the answers: a youth who ignores
 * the buttons and writes on is received as always.
 */
export async function startLineIntake(tx: DbOrTx, consultationId: string): Promise<messagingApi.TextMessage> {
  const form = await loadCurrentForm(tx, "intake");
  await tx.update(consultations).set({ intakeVersionId: form.id, intake: {}, intakeStep: "ageBand" }).where(eq(consultations.id, consultationId));
  return lineIntakeQuestion("ageBand", form.definition, { easy: false });
}
