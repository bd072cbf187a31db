import { ja } from "@/lib/i18n/ja";
import { safetyPlanSections, type SafetyPlan } from "./plan-input";

/** The plan as the youth reads it in their chat: a heading, then each filled section as a short list. */
export function formatSafetyPlan(plan: SafetyPlan): string {
  const sections = safetyPlanSections.filter((section) => plan[section].length > 0).map((section) => [`■ ${ja.safetyPlan[section]}`, ...plan[section].map((item) => `・${item}`)].join("\n"));
  return [`【${ja.safetyPlan.heading}】`, ...sections].join("\n\n");
}
