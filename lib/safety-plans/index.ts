// The safety plan a counselor makes with a youth (optional per deployment: SOUDAN_SAFETY_PLAN).
export { loadSafetyPlan, type SafetyPlanState } from "./load-safety-plan";
export { safetyPlanSections, type SafetyPlan, type SafetyPlanSection } from "./plan-input";
export { saveSafetyPlan, type SafetyPlanResult } from "./save-safety-plan";
export { sendSafetyPlan } from "./send-safety-plan";
