// What the browser may load from lib/forms: form definitions, for the form editor and the intake form.
export { choiceEnum, choiceFieldsOf, type ChoiceField, type FormDefinition, type FormKind, type IntakeDefinition, type SurveyDefinition } from "./definition";
export { EASY_JAPANESE_AGE_BAND } from "./reads-easy-japanese";
