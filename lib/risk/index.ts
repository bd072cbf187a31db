export { assessRisk } from "./assess-risk";
export { assessText, type RiskAssessment } from "./assess-text";
export { ensureRiskLexicon } from "./ensure-risk-lexicon";
export type { LexiconEntry, RiskLexicon } from "./lexicon";
export { priorityOf, type RiskLevel } from "./levels";
export { loadRiskLexicon } from "./load-risk-lexicon";
export { recordRiskAssessment, type RiskSource } from "./record-risk-assessment";
export { saveRiskLexicon, type LexiconFieldErrors, type SaveRiskLexiconResult } from "./save-risk-lexicon";
