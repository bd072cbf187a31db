export { surveyDestruction, type DestructionSurvey } from "./survey-destruction";
export { destroyServiceData, type DestructionInput } from "./destroy-service-data";
export { DestructionRefusedError, DestructionIncompleteError } from "./errors";
export type { DestructionSummary } from "./destruction-summary";
