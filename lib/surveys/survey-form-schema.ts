import { z } from "zod";
import { choiceEnum, type SurveyDefinition } from "@/lib/forms/client";
import { ja } from "@/lib/i18n/ja";

export const SURVEY_COMMENT_MAX = 500;

const e = ja.survey.errors;
const optional = (schema: z.ZodType<string>) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Every question optional; what is answered must be one of the version's choices. The page and the server check with it. */
export function buildSurveyFormSchema(definition: SurveyDefinition) {
  return z.object({
    satisfaction: optional(choiceEnum(definition.satisfaction, e.choice)),
    again: optional(choiceEnum(definition.again, e.choice)),
    comment: optional(z.string({ error: e.commentTooLong }).trim().max(SURVEY_COMMENT_MAX, { error: e.commentTooLong })),
  });
}
export type SurveyForm = z.infer<ReturnType<typeof buildSurveyFormSchema>>;
export type SurveyFormInput = z.input<ReturnType<typeof buildSurveyFormSchema>>;
