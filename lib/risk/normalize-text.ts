/**
 * Folds the ways one word can be typed on a phone into one form: NFKC (full-width ｱｲｳ / ＡＢＣ and
 * half-width ｶﾀｶﾅ become one width), katakana to hiragana (シニタイ = しにたい), lower case, and no
 * spaces or long-vowel marks between letters (し に た い, しにたーい).
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .toLowerCase()
    .replace(/[\s\u3000ー〜~・.。、,!！?？]/g, "");
}
