import { normalizeText } from "./normalize-text";
import { riskWords } from "./risk-words";

export type RiskLevel = 0 | 1 | 2;

const folded = riskWords.flatMap(({ level, words }) => words.map((word) => ({ level, word: normalizeText(word) })));

/** The highest risk level whose words appear in `text`, and which words matched (for the supervisor's alert). */
export function assessRisk(text: string): { level: RiskLevel; matched: string[] } {
  const haystack = normalizeText(text);
  const hits = folded.filter(({ word }) => haystack.includes(word));
  const level = hits.reduce<RiskLevel>((max, hit) => (hit.level > max ? hit.level : max), 0);
  return { level, matched: [...new Set(hits.map((h) => h.word))] };
}
