import { eq } from "drizzle-orm";
import type { messagingApi } from "@line/bot-sdk";
import type { DbOrTx } from "@/db";
import { consultations } from "@/db/schema";
import { findOpenConsultation } from "@/lib/consultations";
import { activeChoiceIds, loadFormVersion, readsEasyJapanese, storedIntakeSchema, type StoredIntake } from "@/lib/forms";
import { easy as easier, rubyToKana } from "@/lib/i18n/client";
import { ja } from "@/lib/i18n/ja";
import { publishConsoleEvent } from "@/lib/realtime";
import { lineIntakeQuestion, lineIntakeSteps, type LineIntakeStep } from "./line-intake-questions";

/**
 * A quick-reply answer of the line-mode intake. It counts only for the question the consultation is
 * waiting on (a button from an older question, or a consultation since closed, is ignored: null),
 * and only as a choice the pinned version offers (otherwise the question is asked again). Returns
 * the next question, or the thanks once consent is given, which completes the intake. From the
 * answer 小学生 on, the questions and the thanks come in やさしい日本語.
 */
export async function answerLineIntake(tx: DbOrTx, input: { youthId: string; data: URLSearchParams; at: Date }): Promise<messagingApi.TextMessage | null> {
  const step = input.data.get("step") as LineIntakeStep | null;
  const consultation = await findOpenConsultation(tx, input.youthId);
  if (!consultation?.intakeVersionId || !step || !lineIntakeSteps.includes(step) || consultation.intakeStep !== step || consultation.intakeAnsweredAt) return null;
  const { definition } = await loadFormVersion(tx, "intake", consultation.intakeVersionId);
  const answers: StoredIntake = storedIntakeSchema.safeParse(consultation.intake ?? {}).data ?? {};
  const choice = input.data.get("choice") ?? "";
  const save = async (intake: StoredIntake, next: LineIntakeStep | null, answeredAt: Date | null = null) => {
    await tx.update(consultations).set({ intake, intakeStep: next, intakeAnsweredAt: answeredAt }).where(eq(consultations.id, consultation.id));
    await publishConsoleEvent(tx, { kind: "message", consultationId: consultation.id });
  };
  const chosenTopics = answers.topics ?? [];
  const easy = readsEasyJapanese(answers);
  switch (step) {
    case "ageBand":
    case "gender": {
      if (!activeChoiceIds(definition[step]).includes(choice)) return lineIntakeQuestion(step, definition, { easy });
      const next = step === "ageBand" ? "gender" : "topics";
      const saved = { ...answers, [step]: choice };
      await save(saved, next);
      return lineIntakeQuestion(next, definition, { easy: readsEasyJapanese(saved) });
    }
    case "topics": {
      if (input.data.get("done") === "1" && chosenTopics.length > 0) {
        await save(answers, "consent");
        return lineIntakeQuestion("consent", definition, { easy });
      }
      const offered = activeChoiceIds(definition.topics);
      if (!offered.includes(choice) || chosenTopics.includes(choice)) return lineIntakeQuestion("topics", definition, { easy, chosenTopics });
      const topics = [...chosenTopics, choice];
      const remaining = offered.filter((id) => !topics.includes(id));
      await save({ ...answers, topics }, remaining.length > 0 ? "topics" : "consent");
      return lineIntakeQuestion(remaining.length > 0 ? "topics" : "consent", definition, { easy, chosenTopics: topics });
    }
    case "consent": {
      if (choice !== "agree") return lineIntakeQuestion("consent", definition, { easy });
      await save({ ...answers, consent: true }, null, input.at);
      return { type: "text", text: easy ? rubyToKana(easier.intake.line.thanks) : ja.intake.line.thanks };
    }
  }
}
