/**
 * Slang written with other characters: タヒ is 死 pulled apart (checked after NFKC, so ﾀﾋ counts too).
 * Applied before katakana is folded, so hiragana たひ is left alone.
 */
const LOOK_ALIKES: [RegExp, string][] = [[/タヒ/g, "死"]];

/**
 * Kanji folded to the kana youth type instead, so a lexicon term written once in kanji also matches
 * its kana spelling (死にたい = しにたい = 氏にたい). Only the kanji of risk words, with their okurigana
 * where a bare kanji would be read otherwise; the same folding applies to terms and texts alike, so it
 * only ever adds matches between the two spellings of one word. Longer keys first.
 */
const READINGS: [string, string][] = [
  ["自殺", "じさつ"],
  ["虐待", "ぎゃくたい"],
  ["氏に", "しに"],
  ["氏ね", "しね"],
  ["氏の", "しの"],
  ["生き", "いき"],
  ["消え", "きえ"],
  ["飛び", "とび"],
  ["降り", "おり"],
  ["触ら", "さわら"],
  ["殴ら", "なぐら"],
  ["叩か", "たたか"],
  ["蹴ら", "けら"],
  ["脅さ", "おどさ"],
  ["帰り", "かえり"],
  ["帰れ", "かえれ"],
  ["首", "くび"],
  ["吊", "つ"],
  ["殺", "ころ"],
  ["死", "し"],
];

const readingPattern = new RegExp(READINGS.map(([kanji]) => kanji).join("|"), "g");
const readingOf = new Map(READINGS);

/**
 * Folds the ways one word can be typed on a phone into one form: NFKC (full-width ＡＢＣ and half-width
 * ｶﾀｶﾅ become one width), look-alike slang, katakana to hiragana (シニタイ = しにたい), the kana of risk
 * kanji, lower case, and nothing between letters that only stretches or spaces them (し に た い,
 * しにたーい, しにたぁい).
 */
export function normalizeText(text: string): string {
  let folded = text.normalize("NFKC");
  for (const [pattern, replacement] of LOOK_ALIKES) folded = folded.replace(pattern, replacement);
  return folded
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(readingPattern, (kanji) => readingOf.get(kanji)!)
    .toLowerCase()
    .replace(/[ぁぃぅぇぉ]/g, "")
    .replace(/[\s\u3000ー〜~・.。、,!！?？…「」『』()（）"'’”]/g, "");
}
