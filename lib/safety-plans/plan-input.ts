import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

/** A textarea's lines, or a list a script passes: each non-empty line is one item. */
const items = z.preprocess(
  (v) => (typeof v === "string" ? v.split("\n") : v),
  z
    .array(z.string().trim().max(200, ja.safetyPlan.errors.lineTooLong))
    .max(20, ja.safetyPlan.errors.tooManyLines)
    .transform((lines) => lines.filter(Boolean)),
);

export const safetyPlanSections = ["warningSigns", "whatHelps", "people", "places", "numbers"] as const;
export type SafetyPlanSection = (typeof safetyPlanSections)[number];

export const safetyPlanSchema = z
  .object({ warningSigns: items.default([]), whatHelps: items.default([]), people: items.default([]), places: items.default([]), numbers: items.default([]) })
  .refine((plan) => safetyPlanSections.some((section) => plan[section].length > 0), { path: ["warningSigns"], message: ja.safetyPlan.errors.empty });
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;
