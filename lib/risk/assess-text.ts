import type { LexiconEntry, RiskLexicon } from "./lexicon";
import { priorityOf, riskLevels, type RiskLevel } from "./levels";
import { normalizeText } from "./normalize-text";

export interface RiskAssessment {
  level: RiskLevel;
  /** The lexicon's terms as written there (never the youth's words): for the try-a-phrase page and the CLI. */
  matched: string[];
  lexiconVersion: number;
}

const latin = /[a-z0-9]/;

function indexesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** A Latin-letter term (od) counts only as a word of its own, never inside another (good, food). */
function standsAlone(haystack: string, at: number, term: string): boolean {
  const before = haystack[at - 1];
  const after = haystack[at + term.length];
  return !(latin.test(term[0]!) && before && latin.test(before)) && !(latin.test(term.at(-1)!) && after && latin.test(after));
}

function matches(haystack: string, entry: LexiconEntry): boolean {
  const term = normalizeText(entry.term);
  const covers = entry.exclusions.flatMap((exclusion) => {
    const phrase = normalizeText(exclusion);
    const offset = phrase.indexOf(term);
    return offset === -1 ? [] : indexesOf(haystack, phrase).map((start) => start + offset);
  });
  return indexesOf(haystack, term).some((at) => standsAlone(haystack, at, term) && !covers.includes(at));
}

/** The highest level whose terms appear in `text` (outside their exclusions), and which terms did. */
export function assessText(lexicon: RiskLexicon, text: string): RiskAssessment {
  const haystack = normalizeText(text);
  const hits = lexicon.entries.filter((entry) => matches(haystack, entry));
  const rank = hits.reduce((max, hit) => Math.max(max, priorityOf(hit.level)), 0);
  return { level: riskLevels[rank]!, matched: hits.map((hit) => hit.term), lexiconVersion: lexicon.version };
}
