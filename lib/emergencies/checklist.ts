import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

/** What the team assesses in an emergency (Crisis Text Line's imminent risk: desire, plan, means, timeframe; then where and how safe). */
export const checklistItems = ["desire", "plan", "means", "timeframe", "whereabouts", "safeNow"] as const;
export type ChecklistItem = (typeof checklistItems)[number];

export const checklistAnswers = ["yes", "no", "unknown"] as const;
export type ChecklistAnswer = (typeof checklistAnswers)[number];

export const CHECKLIST_NOTE_MAX = 200;

const itemSchema = z.object({
  answer: z.enum(checklistAnswers).default("unknown"),
  note: z.string().trim().max(CHECKLIST_NOTE_MAX, ja.emergency.fieldErrors.noteTooLong(CHECKLIST_NOTE_MAX)).default(""),
});

const answered = itemSchema.default({ answer: "unknown", note: "" });

/** Every item answered yes / no / unknown (unknown until someone knows) with a short note. */
export const checklistSchema = z.object({ desire: answered, plan: answered, means: answered, timeframe: answered, whereabouts: answered, safeNow: answered });
export type Checklist = Record<ChecklistItem, { answer: ChecklistAnswer; note: string }>;
