export { buildSurveyFormSchema, SURVEY_COMMENT_MAX, type SurveyForm, type SurveyFormInput } from "./survey-form-schema";
