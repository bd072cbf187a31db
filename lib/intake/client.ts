// What the browser may load from lib/intake: the secure chat's intake form checks with the server's schema.
export { buildIntakeFormSchema, INTAKE_NOTE_MAX, type IntakeForm, type IntakeFormInput } from "./intake-form-schema";
