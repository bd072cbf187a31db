export { assessRisk, type RiskLevel } from "./assess-risk";
export { normalizeText } from "./normalize-text";
export { riskWords } from "./risk-words";
