export { answerLineSurvey } from "./answer-line-survey";
export { inviteSurvey } from "./invite-survey";
export { loadSurveyForYouth } from "./load-survey-for-youth";
export { submitSurvey, type SubmitSurveyResult } from "./submit-survey";
