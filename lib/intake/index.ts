export { answerLineIntake } from "./answer-line-intake";
export { buildIntakeFormSchema, INTAKE_NOTE_MAX, type IntakeFieldErrors, type IntakeForm, type IntakeFormInput } from "./intake-form-schema";
export { type LineIntakeStep } from "./line-intake-questions";
export { loadIntakeForYouth } from "./load-intake-for-youth";
export { startLineIntake } from "./start-line-intake";
export { submitIntake, type SubmitIntakeResult } from "./submit-intake";
