/**
 * The easy dictionary's furigana markup: 「{相談|そうだん}」 is 相談 read そうだん. A `{…}` without a
 * `|` is not ruby (the automatic replies' variables, {次の相談時間}) and stays as written.
 */
const RUBY = /\{([^{}|]+)\|([^{}|]+)\}/g;

export type RubySegment = { text: string; reading?: string };

/** The text cut into plain runs and ruby pairs, in order; a page renders each pair as <ruby>. */
export function parseRuby(text: string): RubySegment[] {
  const segments: RubySegment[] = [];
  let at = 0;
  for (const match of text.matchAll(RUBY)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index) });
    segments.push({ text: match[1]!, reading: match[2]! });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** For LINE and other channels without ruby: each marked word becomes its reading (kana). */
export function rubyToKana(text: string): string {
  return text.replace(RUBY, (_, _base: string, reading: string) => reading);
}
